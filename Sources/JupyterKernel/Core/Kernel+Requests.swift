import JupyterWire

extension Kernel {
    /// `complete_request`: the interpreter's matches. Cursor positions are code points, passed
    /// through untouched — except that a position outside the code is clamped to it, so the
    /// interpreter never sees an impossible offset.
    func complete(_ request: CompleteRequest, message: Message, on channel: Channel) {
        let cursor = Self.clamp(request.cursorPosition, to: request.code)
        let completion = interpreter.complete(request.code, cursor: cursor)
        reply(
            CompleteReply(
                matches: completion.matches, cursorStart: completion.cursorStart, cursorEnd: completion.cursorEnd),
            to: message, on: channel
        )
    }

    /// `inspect_request`: the interpreter's bundle, `found: false` when it has none.
    func inspect(_ request: InspectRequest, message: Message, on channel: Channel) {
        let cursor = Self.clamp(request.cursorPosition, to: request.code)
        let detail = min(max(request.detailLevel, 0), 1)
        reply(
            InspectReply(bundle: interpreter.inspect(request.code, cursor: cursor, detailLevel: detail)), to: message,
            on: channel)
    }

    /// `position` limited to `0...code.unicodeScalars.count`. Cost: O(code length).
    static func clamp(_ position: Int, to code: String) -> Int {
        min(max(position, 0), code.unicodeScalars.count)
    }

    /// `comm_open`: no comm targets are registered, so the comm is closed at once
    /// (a `comm_close` on IOPub, as ipykernel does for an unknown target).
    func commOpen(_ open: CommOpen, message: Message) {
        log("comm_open for unknown target \(open.targetName); closing comm \(open.commID)")
        publish(CommClose(commID: open.commID), parent: message)
    }

    /// `shutdown_request`: raise the cancellation flag (a running cell should stop), reply on
    /// the requesting channel, broadcast the reply on IOPub, and tell the loop to stop.
    func shutdown(_ request: ShutdownRequest, message: Message, on channel: Channel) -> KernelAction {
        cancellation.set()
        let content = ShutdownReply(restart: request.restart)
        reply(content, to: message, on: channel)
        publish(content, parent: message)
        return .shutdown(restart: request.restart)
    }
}
