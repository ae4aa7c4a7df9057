//! Interfaces the contracts call one another through (selectors and return shapes only).
//!
//! Spec 03 §2 (`IDocumentResolver`), §4 (`IIntegraExecutor`), spec 01 §4 (the Groth16 verifier
//! ABI, selector `0x624c8f87`), and the two lookups on `IntegraRegistry` and the document
//! registry that other contracts read.
#![allow(missing_docs)] // the sol! items carry the Solidity signatures as their documentation

use alloy_sol_types::sol;

sol! {
    /// Hooks and client views a document resolver implements (spec 03 §2).
    interface IDocumentResolver {
        function onDocumentRegistered(bytes32 integraHash, bytes32 documentHash, address owner, bytes calldata data) external;
        function onDocumentTransferred(bytes32 integraHash, address from, address to) external;
        function onTokenizerAssociated(bytes32 integraHash, address tokenizer) external;
        function canOwnDocument(bytes32 integraHash, address newOwner) external view returns (bool allowed, string memory reason);
        function isDocumentExpired(bytes32 integraHash) external view returns (bool expired, uint256 expiryTime);
        function getDocumentMetadata(bytes32 integraHash) external view returns (string memory metadata);
        function getContactEndpoint(bytes32 integraHash, address caller, string calldata method) external view returns (string memory endpoint);
        function executeDocumentAction(bytes32 integraHash, string calldata action, bytes calldata data) external returns (bool success, bytes memory result);
        function resolverType() external view returns (string memory);
        function isLegitimateResolver() external view returns (bool);
    }

    /// Self-attestation of a per-document executor (spec 03 §4).
    interface IIntegraExecutor {
        function getExecutorInfo() external view returns (string memory name, string memory version, string memory description);
        function isLegitimateExecutor() external view returns (bool);
    }

    /// The typed lookups of `IntegraRegistry` (spec 03 §1) that consumers call.
    interface IComponentLookup {
        function getResolver(bytes32 resolverId) external view returns (address);
        function getVerifier(bytes32 verifierId) external view returns (address);
    }

    /// The Groth16 verifier ABI. Spec 01 §4 lists a one-input form
    /// `verifyProof(…, uint256 input)` (`0x624c8f87`); the `groth16-verifier` contract implements
    /// the snarkjs two-input form and this any-N form, which callers with one input use.
    interface IGroth16Verifier {
        function verifyProof(uint256[2] a, uint256[2][2] b, uint256[2] c, uint256[] input) external view returns (bool);
    }

    /// The document registry's owner lookup (spec 02 §2.6): `address(0)` for unknown records.
    interface IDocumentOwnerLookup {
        function getDocumentOwner(bytes32 integraHash) external view returns (address);
    }

    /// The other document-registry views attestation contracts read (spec 02 §2.6): whether a
    /// record exists and its per-document executor (`address(0)` when none or unknown).
    interface IDocumentRecordLookup {
        function exists(bytes32 integraHash) external view returns (bool);
        function getDocumentExecutor(bytes32 integraHash) external view returns (address);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use alloy_sol_types::SolCall;

    #[test]
    fn verifier_selector_is_the_any_n_form() {
        assert_eq!(
            IGroth16Verifier::verifyProofCall::SELECTOR,
            alloy_primitives::keccak256(
                "verifyProof(uint256[2],uint256[2][2],uint256[2],uint256[])"
            )[..4]
        );
    }
}
