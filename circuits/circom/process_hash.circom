// The processHash circuit in circom: the same statement as integra-circuits' ProcessHashCircuit.
// Public inputs, in this order: processHash = Poseidon([secret]), messageHash (see
// circuits/src/message.rs). scripts/snarkjs-fixture.sh compiles it with circom2 and proves it
// with snarkjs.
pragma circom 2.0.0;

include "circomlib/circuits/poseidon.circom";

template ProcessHash() {
    signal input processHash;
    signal input messageHash;
    signal input secret;

    component hash = Poseidon(1);
    hash.inputs[0] <== secret;
    processHash === hash.out;

    // Keeps messageHash in the R1CS (circom's simplifier may otherwise drop an unused signal);
    // Groth16 binds it through the public-input rows either way.
    signal messageHashSquare;
    messageHashSquare <== messageHash * messageHash;
}

component main {public [processHash, messageHash]} = ProcessHash();
