//! The committed ABI files load with alloy and match the code.
use std::path::PathBuf;

use alloy_json_abi::JsonAbi;

fn abi_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../deployments/abi")
}

#[test]
fn committed_json_abis_load_with_alloy_and_equal_the_code() {
    for e in integra_abi::exports() {
        let text = std::fs::read_to_string(abi_dir().join(format!("{}.json", e.name))).unwrap();
        let loaded: JsonAbi = serde_json::from_str(&text).unwrap();
        assert_eq!(loaded, e.abi, "{}", e.name);
        assert!(loaded.functions().count() > 0, "{} has functions", e.name);
    }
}

#[test]
fn no_committed_abi_file_drifts() {
    assert_eq!(integra_abi::drift(&abi_dir()), Vec::<String>::new());
}

#[test]
fn drift_check_notices_a_changed_file() {
    let dir = std::env::temp_dir().join(format!("integra-abi-drift-{}", std::process::id()));
    integra_abi::write_all(&dir).unwrap();
    assert!(integra_abi::drift(&dir).is_empty());
    let sol = dir.join("IntegraRegistry.sol");
    let edited = std::fs::read_to_string(&sol)
        .unwrap()
        .replace("getProvider", "getProvidr");
    std::fs::write(&sol, edited).unwrap();
    assert_eq!(
        integra_abi::drift(&dir),
        vec!["IntegraRegistry.sol".to_string()]
    );
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn registry_selectors_in_the_json_match_the_spec_signatures() {
    let abi = &integra_abi::exports()[0].abi;
    let sel = |name: &str| abi.function(name).unwrap()[0].selector();
    // Selectors of spec 03 §1 / 01 §3 signatures, computed by alloy from the text.
    assert_eq!(
        sel("registerComponent"),
        alloy_json_abi::Function::parse("registerComponent(bytes32,address,uint8,string,string)")
            .unwrap()
            .selector()
    );
    assert_eq!(
        sel("getProvider"),
        alloy_json_abi::Function::parse("getProvider(bytes32)")
            .unwrap()
            .selector()
    );
}
