import JupyterWire

/// Where a kernel keeps the inputs (and text outputs) it ran, answering `history_request`.
///
/// Used by the shell thread only. ``MemoryHistory`` keeps this process's executions;
/// a backend on disk (KernelHistory's SQLite file) keeps them across restarts.
public protocol HistoryBackend: AnyObject {
    /// This kernel's session number (a `range` request's session 0 means it).
    var session: Int { get }
    /// Keeps one execution (`store_history` and not `silent`), shortened to the backend's limits.
    func record(line: Int, input: String, output: String?)
    /// The entries `access` asks for, oldest first.
    func query(_ access: HistoryRequest.Access) -> [HistoryEntry]
}

/// This process's executions in bounded memory (``HistoryStore``); gone when the kernel exits.
public final class MemoryHistory: HistoryBackend {
    private var store: HistoryStore

    public init() {
        store = HistoryStore()
    }

    init(_ store: HistoryStore) {
        self.store = store
    }

    public var session: Int { store.session }

    public func record(line: Int, input: String, output: String?) {
        store.record(line: line, input: input, output: output)
    }

    public func query(_ access: HistoryRequest.Access) -> [HistoryEntry] {
        store.query(access)
    }
}
