import JupyterWire

extension ShellHandler {
    /// `complete_request`: the interpreter's matches. Cursor positions are code points, passed
    /// through untouched — except that a position outside the code is clamped to it, so the
    /// interpreter never sees an impossible offset. The matches' kinds and signatures go in
    /// `metadata._jupyter_types_experimental`.
    func complete(_ request: CompleteRequest, message: Message) {
        let cursor = Self.clamp(request.cursorPosition, to: request.code)
        let completion = interpreter.complete(request.code, cursor: cursor)
        control.reply(
            CompleteReply(
                matches: completion.matches, cursorStart: completion.cursorStart, cursorEnd: completion.cursorEnd,
                metadata: completion.replyMetadata),
            to: message, on: .shell
        )
    }

    /// `inspect_request`: the interpreter's bundle, `found: false` when it has none.
    func inspect(_ request: InspectRequest, message: Message) {
        let cursor = Self.clamp(request.cursorPosition, to: request.code)
        let detail = min(max(request.detailLevel, 0), 1)
        control.reply(
            InspectReply(bundle: interpreter.inspect(request.code, cursor: cursor, detailLevel: detail)), to: message,
            on: .shell)
    }

    /// `position` limited to `0...code.unicodeScalars.count`. Cost: O(code length).
    static func clamp(_ position: Int, to code: String) -> Int {
        min(max(position, 0), code.unicodeScalars.count)
    }

    /// `comm_open`: no comm targets are registered, so the comm is closed at once
    /// (a `comm_close` on IOPub, as ipykernel does for an unknown target).
    func commOpen(_ open: CommOpen, message: Message) {
        control.log("comm_open for unknown target \(open.targetName); closing comm \(open.commID)")
        control.publish(CommClose(commID: open.commID), parent: message)
    }
}
