//! The real `IntegraDocumentRegistry`, deployed with the executor as its trusted forwarder:
//! relayed registrations and transfers act for the signer, never for the relayer.
use integra_document_registry::{
    registerDocumentCall, transferDocumentOwnershipCall, DocumentOwnershipTransferred,
    DocumentRegistered, IntegraDocumentRegistry, Unauthorized,
};
use integra_registry::IntegraRegistry;

use super::*;

struct Docs<'a> {
    w: World<'a>,
    reg: &'a Contract<IntegraDocumentRegistry>,
}

fn deploy_docs<'a>(
    exec: &'a Contract<IntegraExecutor>,
    target: &'a Contract<Recorder>,
    reg: &'a Contract<IntegraDocumentRegistry>,
    comp: &'a Contract<IntegraRegistry>,
    gov: Address,
) -> Docs<'a> {
    let w = deploy(exec, target, gov);
    comp.sender(gov).constructor(gov).unwrap();
    reg.sender(gov)
        .constructor(
            gov,
            comp.address(),
            comp.address(),
            Address::repeat_byte(0xe0),
            Address::repeat_byte(0xfe),
            U256::ZERO,
            U256::ZERO,
            exec.address(),
        )
        .unwrap();
    assert!(reg.sender(gov).is_trusted_forwarder(exec.address()));
    for sel in [
        registerDocumentCall::SELECTOR,
        transferDocumentOwnershipCall::SELECTOR,
    ] {
        w.as_(gov)
            .set_selector_allowed(reg.address(), sel, true)
            .motsu_unwrap();
    }
    w.as_(gov)
        .set_target_allowed(reg.address(), true)
        .motsu_unwrap();
    Docs { w, reg }
}

fn register(n: u8) -> Vec<u8> {
    registerDocumentCall {
        integraHash: B256::repeat_byte(n),
        documentHash: keccak256([n]),
        identityExtension: B256::ZERO,
        referenceHash: B256::ZERO,
        referenceProofA: [U256::ZERO; 2],
        referenceProofB: [[U256::ZERO; 2]; 2],
        referenceProofC: [U256::ZERO; 2],
        tokenizer: Address::ZERO,
        primaryResolverId: B256::ZERO,
        authorizedExecutor: Address::ZERO,
        processHash: B256::repeat_byte(0x9c),
    }
    .abi_encode()
}

fn transfer(n: u8, to: Address) -> Vec<u8> {
    transferDocumentOwnershipCall {
        integraHash: B256::repeat_byte(n),
        newOwner: to,
        reason: "sold".into(),
    }
    .abi_encode()
}

impl Docs<'_> {
    fn signed(&self, key: &Key, data: Vec<u8>) -> Signed {
        let mut r = Req::new(key.address, self.reg.address(), data);
        r.nonce = self.w.as_(self.w.gov).nonces(key.address);
        r.signed(key, self.w.exec.address())
    }

    fn owner(&self, n: u8) -> Address {
        self.reg
            .sender(self.w.gov)
            .get_document_owner(B256::repeat_byte(n))
    }
}

#[motsu::test]
fn relayed_registration_and_transfer_belong_to_the_signer(
    exec: Contract<IntegraExecutor>,
    target: Contract<Recorder>,
    reg: Contract<IntegraDocumentRegistry>,
    comp: Contract<IntegraRegistry>,
    gov: Address,
    relayer: Address,
) {
    let d = deploy_docs(&exec, &target, &reg, &comp, gov);
    d.w.as_(gov)
        .grant_role(RELAYER_ROLE, relayer)
        .motsu_unwrap();
    let alice = Key::new(1);
    let bob = Key::new(2);
    let out =
        d.w.as_(relayer)
            .execute(&d.signed(&alice, register(1)).request())
            .motsu_unwrap();
    assert_eq!(out, B256::repeat_byte(1).to_vec());
    assert_eq!(d.owner(1), alice.address);
    reg.assert_emitted(&DocumentRegistered {
        integraHash: B256::repeat_byte(1),
        documentHash: keccak256([1]),
        referenceHash: B256::ZERO,
        owner: alice.address,
        tokenizer: Address::ZERO,
        authorizedExecutor: Address::ZERO,
        processHash: B256::repeat_byte(0x9c),
        identityExtension: B256::ZERO,
        timestamp: now(),
    });
    exec.assert_emitted(&OperationExecuted {
        user: alice.address,
        target: reg.address(),
        selector: B32::from(registerDocumentCall::SELECTOR),
        success: true,
        nonce: U256::ZERO,
        timestamp: now(),
    });
    d.w.as_(relayer)
        .execute(&d.signed(&alice, transfer(1, bob.address)).request())
        .motsu_unwrap();
    assert_eq!(d.owner(1), bob.address);
    reg.assert_emitted(&DocumentOwnershipTransferred {
        integraHash: B256::repeat_byte(1),
        oldOwner: alice.address,
        newOwner: bob.address,
        reason: "sold".into(),
        timestamp: now(),
    });
    assert_eq!(d.w.as_(gov).nonces(alice.address), U256::from(2));
    // Neither the relayer nor the executor ever owned it.
    assert!(![relayer, exec.address()].contains(&d.owner(1)));
}

#[motsu::test]
fn relayed_transfer_signed_by_a_stranger_fails_in_the_registry(
    exec: Contract<IntegraExecutor>,
    target: Contract<Recorder>,
    reg: Contract<IntegraDocumentRegistry>,
    comp: Contract<IntegraRegistry>,
    gov: Address,
) {
    let d = deploy_docs(&exec, &target, &reg, &comp, gov);
    let alice = Key::new(1);
    let mallory = Key::new(3);
    d.w.as_(gov)
        .execute(&d.signed(&alice, register(1)).request())
        .motsu_unwrap();
    let steal = d.signed(&mallory, transfer(1, mallory.address));
    assert_error(
        d.w.as_(gov).execute(&steal.request()).motsu_res(),
        ExecutionFailed {
            target: reg.address(),
            data: Unauthorized {
                caller: mallory.address,
                integraHash: B256::repeat_byte(1),
            }
            .abi_encode()
            .into(),
        },
    );
    assert_eq!(d.owner(1), alice.address);
    assert_eq!(d.w.as_(gov).nonces(mallory.address), U256::ZERO);
}

#[motsu::test]
fn mode_a_registration_makes_the_executor_the_owner(
    exec: Contract<IntegraExecutor>,
    target: Contract<Recorder>,
    reg: Contract<IntegraDocumentRegistry>,
    comp: Contract<IntegraRegistry>,
    gov: Address,
) {
    // Why mode B exists (spec 03 §4): without a signed request the registry sees the executor.
    let d = deploy_docs(&exec, &target, &reg, &comp, gov);
    d.w.as_(gov)
        .execute_operation(reg.address(), &register(2))
        .motsu_unwrap();
    assert_eq!(d.owner(2), exec.address());
}

#[motsu::test]
fn mode_a_relayer_cannot_forge_a_sender_suffix(
    exec: Contract<IntegraExecutor>,
    target: Contract<Recorder>,
    reg: Contract<IntegraDocumentRegistry>,
    comp: Contract<IntegraRegistry>,
    gov: Address,
    operator: Address,
) {
    let d = deploy_docs(&exec, &target, &reg, &comp, gov);
    let alice = Key::new(1);
    d.w.as_(gov)
        .execute(&d.signed(&alice, register(1)).request())
        .motsu_unwrap();
    d.w.as_(gov)
        .grant_role(EXECUTOR_ROLE, operator)
        .motsu_unwrap();
    // Alice's address appended by hand: the registry still sees the executor.
    let mut forged = transfer(1, operator);
    forged.extend_from_slice(alice.address.as_slice());
    assert_error(
        d.w.as_(operator)
            .execute_operation(reg.address(), &forged)
            .motsu_res(),
        ExecutionFailed {
            target: reg.address(),
            data: Unauthorized {
                caller: exec.address(),
                integraHash: B256::repeat_byte(1),
            }
            .abi_encode()
            .into(),
        },
    );
    assert_eq!(d.owner(1), alice.address);
}
