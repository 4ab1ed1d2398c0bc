import JupyterWire

extension KernelControl {
    /// Sends `content` as the reply to `request` on `channel` (identities and parent copied).
    func reply<Content: OutgoingContent>(_ content: Content, to request: Message, on channel: Channel) {
        let type = Content.messageType
        sink.send(request.reply(type: type, content: content.json, header: headers.header(for: type)), on: channel)
    }

    /// Sends an error reply of the type matching `request` (`x_request` → `x_reply`).
    ///
    /// An `execute_reply` on shell also carries the execution count; on control, which never
    /// runs code, it is left out.
    func replyError(to request: Message, on channel: Channel, _ error: ErrorContent) {
        let type = Request.replyType(for: request.type)
        var extra = [String: JSONValue]()
        if request.type == ExecuteRequest.messageType && channel != .control {
            extra["execution_count"] = .int(executionCount)
        }
        sink.send(
            request.reply(type: type, content: error.errorReply(extra), header: headers.header(for: type)), on: channel
        )
    }

    /// Publishes `content` on IOPub with `parent` as parent header.
    func publish<Content: OutgoingContent>(_ content: Content, parent: Message) {
        let type = Content.messageType
        let message = Message(
            header: headers.header(for: type), parentHeader: parent.header.json, content: content.json)
        sink.send(message, on: .iopub)
    }

    /// Publishes one output of a running cell.
    func publish(_ output: ExecutionOutput, parent: Message) {
        switch output {
        case .stream(let name, let text): publish(StreamOutput(name: name, text: text), parent: parent)
        case .display(let bundle, let id): publish(DisplayData(bundle: bundle, displayID: id), parent: parent)
        case .update(let bundle, let id): publish(UpdateDisplayData(bundle: bundle, displayID: id), parent: parent)
        case .clear(let wait): publish(ClearOutput(wait: wait), parent: parent)
        }
    }
}
