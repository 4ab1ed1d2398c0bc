/// What asking the user for a line of text (`input`) gave.
public enum InputReading: Equatable, Sendable {
    /// The line typed, without its newline.
    case text(String)
    /// The user interrupted while the cell waited.
    case interrupted
    /// No one can answer: the front end accepts no input (`allow_stdin` false, as in
    /// nbconvert or papermill) or a script's standard input is at its end.
    case unavailable
}
