import JupyterWire

extension Kernel {
    /// `complete_request`: the interpreter's matches; cursor positions are code points, untouched.
    func complete(_ request: CompleteRequest, message: Message, on channel: Channel) {
        let completion = interpreter.complete(request.code, cursor: request.cursorPosition)
        reply(
            CompleteReply(matches: completion.matches, cursorStart: completion.cursorStart, cursorEnd: completion.cursorEnd),
            to: message, on: channel
        )
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
