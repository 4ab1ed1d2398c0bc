import JupyterWire

extension ShellHandler {
    /// `execute_request`: counts, `execute_input`, the run, outputs, result or error, history,
    /// user expressions, the reply; after a failure with `stop_on_error`, runs
    /// `beforeAbortingReply` just before the reply and asks for the followers to be aborted.
    ///
    /// Silent requests publish nothing on IOPub (no execute_input, streams, displays, result
    /// or error), keep the count unchanged and are not stored in history.
    func execute(_ request: ExecuteRequest, message: Message, beforeAbortingReply: () -> Void) -> KernelAction {
        control.cancellation.reset()
        if !request.silent {
            executionCount += 1
            control.publish(ExecuteInput(code: request.code, executionCount: executionCount), parent: message)
        }
        let count = executionCount
        let context = ExecutionContext(
            executionCount: count, cancellation: control.cancellation, streamInterval: streamInterval, now: clock,
            stdin: request.allowStdin ? stdin.map { (transport: $0, request: message, headers: control.headers) } : nil
        ) { [control] output in
            guard !request.silent else { return }
            control.publish(output, parent: message)
        }
        control.sink.flush()
        let outcome = interpreter.execute(request, context: context)
        context.flush()

        let content: ExecuteReply
        var shownOutput: String?
        switch outcome {
        case .success(let result, let payloads):
            if let result, !request.silent {
                control.publish(ExecuteResult(executionCount: count, bundle: result), parent: message)
            }
            shownOutput = result?.plainText
            let expressions = request.userExpressions.mapValues { interpreter.evaluate($0).json }
            content = .ok(executionCount: count, payload: payloads.map(\.json), userExpressions: expressions)
        case .failure(let error):
            if !request.silent { control.publish(ErrorOutput(error), parent: message) }
            content = .error(executionCount: count, error)
        }
        if request.storeHistory {
            history.record(line: count, input: request.code, output: shownOutput)
        }
        let abortsFollowers = if case .failure = outcome { request.stopOnError } else { false }
        if abortsFollowers { beforeAbortingReply() }
        control.reply(content, to: message, on: .shell)
        return abortsFollowers ? .abortQueuedExecutions : .none
    }
}
