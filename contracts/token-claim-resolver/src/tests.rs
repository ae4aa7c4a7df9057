//! motsu tests.
