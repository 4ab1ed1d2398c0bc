/// What the loop driving a ``ShellHandler`` or ``KernelControl`` must do after a message was handled.
public enum KernelAction: Equatable, Sendable {
    /// Nothing; read the next message.
    case none
    /// An execution failed with `stop_on_error`: answer every execute_request already queued
    /// with an aborted reply (``ShellHandler/handleQueuedAfterFailure(_:)``) before reading on.
    /// (``ShellHandler/serve(_:)`` does so itself, holding the reply as ``AbortWindow`` says.)
    case abortQueuedExecutions
    /// Stop serving and exit (the reply is already sent); `restart` as the client asked.
    case shutdown(restart: Bool)
}
