/// The five sockets of a Jupyter kernel, named as in the connection file and the stdio runtime.
///
/// See https://jupyter-client.readthedocs.io/en/latest/messaging.html#introduction
public enum Channel: String, CaseIterable, Equatable, Sendable {
    /// Requests and replies from the frontend (ROUTER).
    case shell
    /// Urgent requests (interrupt, shutdown, kernel_info) served even while a cell runs (ROUTER).
    case control
    /// Broadcast of status and outputs (XPUB).
    case iopub
    /// Input requests to the frontend (ROUTER).
    case stdin
    /// Raw echo proving the kernel is alive (ROUTER echo).
    case heartbeat = "hb"
}
