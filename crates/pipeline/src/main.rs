//! `integra-pipeline`: build, check and compress the Stylus contracts.

fn main() {}
