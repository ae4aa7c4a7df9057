//! motsu tests: every function's happy path, each revert with its exact error and fields,
//! unauthorized callers, limits at and just past the boundary, and events with exact fields.
