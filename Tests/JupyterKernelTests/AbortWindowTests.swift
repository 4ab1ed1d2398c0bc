import Foundation
import JupyterWire
import KernelTestSupport
import XCTest

@testable import JupyterKernel

/// A shell channel on a fake clock: each message arrives at a set time; waiting for one moves
/// the clock to its arrival (or to the end of the wait). No real time passes.
private final class TimedSource: MessageSource {
    private(set) var now = Date(timeIntervalSince1970: 1_000)
    private var arrivals: [(at: Date, message: Message)] = []
    /// The timeouts the kernel waited with, in order.
    private(set) var waits: [TimeInterval] = []

    /// `message` arrives `seconds` after the start of the test.
    func arrive(_ message: Message, after seconds: TimeInterval) {
        arrivals.append((Date(timeIntervalSince1970: 1_000 + seconds), message))
        arrivals.sort { $0.at < $1.at }
    }

    /// `message` arrives now (a client that sends as soon as it sees something).
    func arriveNow(_ message: Message) {
        arrivals.insert((now, message), at: 0)
    }

    func advance(by seconds: TimeInterval) {
        now += seconds
    }

    func next() -> Message? {
        guard !arrivals.isEmpty else { return nil }
        let first = arrivals.removeFirst()
        now = max(now, first.at)
        return first.message
    }

    func nextIfQueued() -> Message? {
        guard let first = arrivals.first, first.at <= now else { return nil }
        return next()
    }

    func next(timeout: TimeInterval) -> Message? {
        waits.append(timeout)
        guard let first = arrivals.first, first.at <= now + timeout else {
            now += timeout
            return nil
        }
        return next()
    }
}

/// Records what the kernel sends and lets a test react to it, as a client would.
///
/// `@unchecked Sendable`: a fake used only from the test's own thread (`onSend` is not locked).
private final class ReactingSink: MessageSink, @unchecked Sendable {
    let recorded = RecordingSink()
    var onSend: (Message, Channel) -> Void = { _, _ in }

    func send(_ message: Message, on channel: Channel) {
        recorded.send(message, on: channel)
        onSend(message, channel)
    }
}

final class AbortWindowTests: XCTestCase {
    private let client = HeaderFactory(session: "client-session")
    private let source = TimedSource()
    private let sink = ReactingSink()

    private func execute(_ code: String, stopOnError: Bool = true) -> Message {
        Message(
            identities: [Data("client".utf8)], header: client.header(for: "execute_request"),
            content: ExecuteRequest(code: code, stopOnError: stopOnError).json)
    }

    private func serve(window: AbortWindow = AbortWindow(quiet: 0.05, longest: 1)) {
        let interpreter = ScriptedInterpreter()
        let control = KernelControl(
            info: interpreter.info, sink: sink, headers: HeaderFactory(session: "kernel-session"), log: { _ in })
        let shell = ShellHandler(
            interpreter: interpreter, control: control, clock: { [source] in source.now }, abortWindow: window)
        _ = shell.serve(source)
    }

    private func status(of request: Message) -> JSONValue? {
        sink.recorded.reply(to: request.header.messageID)?.message.content["status"]
    }

    /// Serves `failing` arriving at 0 s and `followers` (code, arrival in seconds); returns the
    /// status of each follower's reply.
    private func statuses(
        after failing: Message, _ followers: [(code: String, at: TimeInterval)],
        window: AbortWindow = AbortWindow(quiet: 0.05, longest: 1)
    ) -> [String] {
        source.arrive(failing, after: 0)
        let messages = followers.map { follower in
            let message = execute(follower.code)
            source.arrive(message, after: follower.at)
            return message
        }
        serve(window: window)
        return messages.map { status(of: $0)?.stringValue ?? "no reply" }
    }

    func testExecutionsArrivingWhileTheFailedReplyIsHeldAreAborted() {
        let failing = execute("fail NameError x")
        // the third comes within 50 ms of the second: the hold goes on
        XCTAssertEqual(statuses(after: failing, [("print two", 0.03), ("print three", 0.07)]), ["aborted", "aborted"])
        XCTAssertEqual(status(of: failing), "error")
        XCTAssertEqual(sink.recorded.sent.filter { $0.message.type == "stream" }.count, 0, "no follower ran")
    }

    func testAnExecutionArrivingAfterAQuietGapRuns() {
        XCTAssertEqual(statuses(after: execute("fail NameError x"), [("count", 0.06)]), ["ok"])
        let lastReply = sink.recorded.sent.last { $0.message.type == "execute_reply" }
        XCTAssertEqual(lastReply?.message.content["execution_count"], 2)
    }

    func testTheHoldEndsAtTheLongestEvenWhileExecutionsKeepArriving() {
        let stream = (1...30).map { ("print \($0)", Double($0) * 0.04) }
        let got = statuses(after: execute("fail NameError x"), stream)
        XCTAssertEqual(Array(got.prefix(25)), Array(repeating: "aborted", count: 25), "arrived by 1 s")
        XCTAssertEqual(Array(got.suffix(5)), Array(repeating: "ok", count: 5), "arrived after 1 s")
    }

    func testWithoutStopOnErrorNothingIsHeld() {
        XCTAssertEqual(statuses(after: execute("fail NameError x", stopOnError: false), [("print fine", 0.01)]), ["ok"])
        XCTAssertEqual(source.waits, [])
    }

    func testTheQueuedOnlyWindowAbortsOnlyWhatIsAlreadyWaiting() {
        let got = statuses(
            after: execute("fail NameError x"), [("print queued", 0), ("print later", 0.001)], window: .queuedOnly)
        XCTAssertEqual(got, ["aborted", "ok"])
    }

    func testTheFailedReplyIsSentOnlyWhenTheHoldEnds() {
        let failing = execute("fail NameError x")
        source.arrive(failing, after: 0)
        var replyTime: Date?
        sink.onSend = { [source] message, channel in
            if channel == .shell && message.parentMessageID == failing.header.messageID { replyTime = source.now }
        }
        serve()
        XCTAssertEqual(replyTime?.timeIntervalSince1970 ?? 0, 1_000.05, accuracy: 1e-6)
    }

    func testARequestSentTheMomentTheFailedReplyIsSeenRuns() {
        let failing = execute("fail RuntimeError x")
        let reaction = execute("print after")
        source.arrive(failing, after: 0)
        sink.onSend = { [source] message, channel in
            if channel == .shell && message.parentMessageID == failing.header.messageID { source.arriveNow(reaction) }
        }
        serve()
        XCTAssertEqual(status(of: failing), "error")
        XCTAssertEqual(status(of: reaction), "ok")
        XCTAssertEqual(sink.recorded.published("stream", for: reaction.header.messageID).first?["text"], "after\n")
    }

    func testAFailedCellThatRanPastTheLongestIsAnsweredAtOnceAndStillAbortsTheQueue() {
        let failing = execute("fail RuntimeError slow")
        let queued = execute("print never")
        source.arrive(failing, after: 0)
        source.arrive(queued, after: 0.001)
        sink.onSend = { [source] message, _ in
            if message.type == "error" { source.advance(by: 2) }  // the cell ran for two seconds
        }
        serve()
        XCTAssertEqual(status(of: queued), "aborted")
        XCTAssertEqual(source.waits, [], "no hold after a long cell")
    }

    func testNonExecuteRequestsArrivingDuringTheHoldAreServed() {
        let failing = execute("fail NameError x")
        let info = Message(
            identities: [Data("client".utf8)], header: client.header(for: "kernel_info_request"), content: [:])
        source.arrive(failing, after: 0)
        source.arrive(info, after: 0.01)
        serve()
        XCTAssertEqual(status(of: info), "ok")
        XCTAssertEqual(sink.recorded.reply(to: info.header.messageID)?.message.type, "kernel_info_reply")
    }

}

final class AbortWindowDeadlineTests: XCTestCase {
    private let start = Date(timeIntervalSince1970: 0)

    func testTheDeadlineIsQuietAfterTheLaterOfTakingAndTheLastArrivalCappedAtTheLongest() {
        let window = AbortWindow(quiet: 0.05, longest: 1)
        let cases: [(lastArrival: TimeInterval?, deadline: TimeInterval)] = [
            (nil, 0.05), (0.01, 0.06), (0.5, 0.55), (0.97, 1), (3, 1)
        ]
        for (arrival, deadline) in cases {
            let got = window.deadline(takenAt: start, lastArrival: arrival.map(start.addingTimeInterval))
            XCTAssertEqual(
                got.timeIntervalSince(start), deadline, accuracy: 1e-6, "last arrival \(String(describing: arrival))")
        }
    }
}

final class KernelAbortTests: XCTestCase {
    func testAnAbortedRequestGetsAnAbortedReplyOfItsTypeInsideBusyIdle() {
        let harness = KernelHarness()
        let info = harness.request("kernel_info_request")
        let execute = harness.execute("print never")
        let comm = harness.request("comm_msg", ["comm_id": "c", "data": [:]])
        for message in [info, execute, comm] { harness.control.abort(message, on: .shell) }
        let infoReply = harness.sink.reply(to: info.header.messageID)?.message
        XCTAssertEqual(infoReply?.type, "kernel_info_reply")
        XCTAssertEqual(infoReply?.content, ["status": "aborted"])
        XCTAssertEqual(
            harness.sink.reply(to: execute.header.messageID)?.message.content,
            ["status": "aborted", "execution_count": 0])
        assertWrappedInBusyIdle(info, in: harness.sink)
        assertWrappedInBusyIdle(execute, in: harness.sink)
        XCTAssertEqual(harness.sink.caused(by: comm.header.messageID).count, 0, "comm messages take no reply")
        XCTAssertEqual(harness.interpreter.seenCursors, [])
    }
}

final class MessageQueueWaitTests: XCTestCase {
    func testWaitingWithATimeoutReturnsWhatIsQueuedOrNilWhenClosedOrTimedOut() {
        let client = HeaderFactory(session: "c")
        let message = Message(header: client.header(for: "kernel_info_request"), content: [:])
        let queue = MessageQueue([message])
        XCTAssertEqual(queue.next(timeout: 10)?.header.messageID, message.header.messageID, "queued: no wait")
        XCTAssertNil(queue.next(timeout: 0.005), "nothing arrives")
        queue.push(message)
        XCTAssertEqual(queue.closeAndTakeWaiting().map(\.header.messageID), [message.header.messageID])
        XCTAssertNil(queue.next(timeout: 10), "closed: no wait")
        XCTAssertNil(queue.next())
    }
}
