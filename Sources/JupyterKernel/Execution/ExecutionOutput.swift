import JupyterWire

/// One output a running cell produces, before it becomes an IOPub message.
public enum ExecutionOutput: Equatable, Sendable {
    /// Text on stdout or stderr (already batched when it leaves ``ExecutionContext``).
    case stream(StreamName, String)
    /// `display_data`, with a display id when it may be updated later.
    case display(MimeBundle, displayID: String?)
    /// `update_display_data` of every output shown with `displayID`.
    case update(MimeBundle, displayID: String)
    /// `clear_output`; `wait` = clear when the next output arrives.
    case clear(wait: Bool)
}
