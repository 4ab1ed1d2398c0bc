import SpikeLang

/// Why a `spike run` or `spike sweep` command line cannot start: each case names the argument
/// or path at fault. The command exits with status 2 after printing `description`.
public enum SweepInputError: Error, Equatable, Sendable, CustomStringConvertible {
    /// An argument without `=`.
    case notAnAssignment(argument: String)
    /// The part before `=` is not an identifier (or is a keyword).
    case invalidName(argument: String)
    /// The part after `=` is not a literal (or a list of them).
    case invalidValue(argument: String, problem: LiteralError)
    /// `NAME=` with no value, or a range with no integers (`seed=3..3`).
    case emptyValues(argument: String)
    /// The same name twice.
    case duplicateName(String)
    /// `spike sweep` without any `NAME=VALUES`.
    case noParameters
    /// A swept name the script never mentions (a typo would otherwise run every combination
    /// with the same script).
    case unusedName(String, script: String)
    /// More combinations than a sweep takes.
    case tooManyRuns(limit: Int)
    /// The script cannot be read.
    case unreadableScript(path: String, reason: String)
    /// `--out` names something that is not a folder, or a folder that cannot be made.
    case unusableOutput(path: String, reason: String)
    /// `--workers` below 1.
    case invalidWorkers(Int)

    public var description: String {
        switch self {
        case .notAnAssignment(let argument):
            return "argument '\(argument)' is not NAME=VALUE"
        case .invalidName(let argument):
            let name = argument.prefix { $0 != "=" }
            return "argument '\(argument)': '\(name)' is not a name (a name is an identifier that is not a keyword)"
        case .invalidValue(let argument, let problem):
            return "argument '\(argument)': \(problem)"
        case .emptyValues(let argument):
            return "argument '\(argument)' gives no values"
        case .duplicateName(let name):
            return "the parameter '\(name)' is given twice"
        case .noParameters:
            return "no parameters to sweep: give at least one NAME=VALUES (e.g. seed=0..4 pe=none,cpg)"
        case .unusedName(let name, let script):
            return "the parameter '\(name)' does not appear in \(script); every run would be the same"
        case .tooManyRuns(let limit):
            return "the sweep has more than \(limit) combinations"
        case .unreadableScript(let path, let reason):
            return "cannot read the script \(path): \(reason)"
        case .unusableOutput(let path, let reason):
            return "cannot use \(path) as the output folder: \(reason)"
        case .invalidWorkers(let count):
            return "--workers must be at least 1, not \(count)"
        }
    }
}
