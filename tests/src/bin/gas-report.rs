//! Writes the gas report (Markdown) to the path given, or to stdout.

use std::process::ExitCode;

fn main() -> ExitCode {
    // The same text whatever the environment, so CI can compare the file with a fresh run.
    let source =
        "the modules the pipeline ships (each contract built alone in release for wasm32, \
                  then re-encoded, stripped and checked by `integra-pipeline`)"
            .to_string();
    let rows = match integra_tests::gas::registry_rows().and_then(|mut rows| {
        rows.extend(integra_tests::gas::document_registry_rows()?);
        rows.extend(integra_tests::gas::executor_rows()?);
        rows.extend(integra_tests::gas::message_rows()?);
        rows.extend(integra_tests::gas::arkworks_verifier_rows()?);
        rows.extend(integra_tests::gas::attestation_rows()?);
        rows.extend(integra_tests::gas::tokenizer_rows()?);
        Ok(rows)
    }) {
        Ok(rows) => rows,
        Err(e) => {
            eprintln!("gas report: {e}");
            return ExitCode::FAILURE;
        }
    };
    let docreg = integra_tests::docreg::rules();
    let modules = match [
        integra_tests::gas::module_facts("integra-registry"),
        integra_tests::gas::module_facts("groth16-verifier"),
        integra_tests::gas::module_facts_with("integra-document-registry", &docreg),
        integra_tests::gas::module_facts("integra-simple-contact-resolver"),
        integra_tests::gas::module_facts("integra-message"),
        integra_tests::gas::module_facts("integra-test-eas"),
        integra_tests::gas::module_facts("integra-token-claim-resolver"),
        integra_tests::gas::module_facts("integra-eas-attestation-provider"),
        integra_tests::gas::module_facts("integra-executor"),
        integra_tests::gas::module_facts_with("integra-ownership-tokenizer", &docreg),
        integra_tests::gas::module_facts_with("integra-shares-tokenizer", &docreg),
        integra_tests::gas::module_facts_with("integra-multi-party-tokenizer", &docreg),
        integra_tests::gas::module_facts("integra-multi-party-lens"),
    ]
    .into_iter()
    .collect::<Result<Vec<_>, _>>()
    {
        Ok(m) => m,
        Err(e) => {
            eprintln!("gas report: {e}");
            return ExitCode::FAILURE;
        }
    };
    let report = integra_tests::gas::render(&rows, &modules, &source);
    match std::env::args().nth(1) {
        Some(path) => {
            if let Err(e) = std::fs::write(&path, report) {
                eprintln!("gas report: {path}: {e}");
                return ExitCode::FAILURE;
            }
        }
        None => print!("{report}"),
    }
    ExitCode::SUCCESS
}
