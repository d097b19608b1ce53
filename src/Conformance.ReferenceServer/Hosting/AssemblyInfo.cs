using System.Runtime.CompilerServices;

// The self-tests check the mechanics of the fault vocabulary (FaultMutations, the pagination edits) directly.
[assembly: InternalsVisibleTo("Conformance.SelfTests")]
