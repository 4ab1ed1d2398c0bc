/// Every way an engine call can fail, as data: the language turns each case into its own
/// error name (`ValueError`, `ShapeError`, `ResourceError`, `Interrupted`).
///
/// The text shown to users is produced in one place, `EngineError+Description.swift`.
///
///     try LIF(tau: -2)           // throws .value(argument: .tau, message: "must be at least 1 ...")
///     try a.matmul(b)            // throws .shape(operation: "matmul", first: [2, 3], second: [4, 5])
public enum EngineError: Error, Equatable, Sendable {
    /// A parameter is out of its domain; `argument` says which (the language shows it under
    /// the name the user typed).
    case value(argument: EngineParameter, message: String)
    /// Two shapes do not fit together in `operation`; both shapes are named.
    case shape(operation: String, first: [Int], second: [Int])
    /// An allocation of `requestedBytes` was refused because it exceeds `budgetBytes`.
    case resource(requestedBytes: Int, budgetBytes: Int)
    /// A long call stopped because its cancellation check returned `true`.
    case interrupted
}
