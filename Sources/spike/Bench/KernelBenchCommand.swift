import ArgumentParser
import Foundation
import JupyterKernel
import JupyterWire
import KernelRuntime
import SpikeKernel
import Synchronization

/// `spike bench kernel`: what one request costs the kernel apart from sockets — verifying and
/// decoding it, making a header, encoding and signing a message, and a whole trivial execute
/// (busy, execute_input, execute_result, execute_reply, idle, each encoded and signed), in µs.
///
/// The round trip through jupyter_client is `bench/kernel_latency.py`; this separates the
/// kernel's own share of it.
struct KernelBenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "kernel", abstract: "The kernel's own cost per request, without sockets (µs).")

    @Option(help: "The cell each execute request runs.") var code = "1+1"
    @Option(help: "Timed repetitions (the median is reported).") var repetitions = 7

    struct Report: Encodable {
        let benchmark = "kernel"
        let code: String
        let decodeRequestUs: Double
        let makeHeaderUs: Double
        let encodeStatusUs: Double
        let executeRequestUs: Double
        let messagesPerExecute: Int
        let executeRequestCpuUs: Double
    }

    func validate() throws {
        guard repetitions > 0 else { throw ValidationError("repetitions must be positive") }
    }

    func run() throws {
        let codec = WireCodec(key: MessageID.random())
        let headers = HeaderFactory()
        let client = HeaderFactory(username: "bench")
        let request = Message(
            identities: [Data(MessageID.random().utf8)], header: client.header(for: ExecuteRequest.messageType),
            content: ExecuteRequest(code: code).json)
        let frames = codec.encode(request)
        let stopwatch = Stopwatch(repetitions: repetitions)

        let decode = stopwatch.median {
            guard case .success = codec.decode(frames) else { fatalError("the request does not decode") }
        }
        let header = stopwatch.median { _ = headers.header(for: Status.messageType) }
        let encode = stopwatch.median {
            let busy = Message(
                header: headers.header(for: Status.messageType), parentHeader: request.header.json,
                content: Status(.busy).json)
            _ = codec.encode(busy)
        }
        let sink = EncodingSink(codec: codec)
        let interpreter = SpikeInterpreter()
        let control = KernelControl(info: interpreter.info, sink: sink, headers: headers, log: { _ in })
        let stackSize = interpreter.callerStackSize
        // On a thread like the kernel's shell thread (the handler made there): cells run in place.
        let measured = Mutex(Stopwatch.Timing(wall: 0, cpu: 0, threadCPU: 0))
        let shell = ServiceThread(name: "spike-bench-shell", stackSize: stackSize) {
            let handler = ShellHandler(interpreter: interpreter, control: control)
            let timing = stopwatch.median {
                guard case .success(let message) = codec.decode(frames) else { fatalError("the request does not decode") }
                _ = handler.handle(message)
            }
            measured.withLock { $0 = timing }
            sink.count.store(0, ordering: .relaxed)
            _ = handler.handle(request)
        }
        shell.join(timeout: .infinity)
        let execute = measured.withLock { $0 }
        try printJSON(
            Report(
                code: code, decodeRequestUs: decode.wall * 1e6, makeHeaderUs: header.wall * 1e6,
                encodeStatusUs: encode.wall * 1e6, executeRequestUs: execute.wall * 1e6,
                messagesPerExecute: sink.count.load(ordering: .relaxed), executeRequestCpuUs: execute.threadCPU * 1e6))
    }
}

/// Encodes and signs every message as the socket sink would, then drops it.
private final class EncodingSink: MessageSink {
    let codec: WireCodec
    let count = Atomic<Int>(0)

    init(codec: WireCodec) {
        self.codec = codec
    }

    func send(_ message: Message, on channel: Channel) {
        _ = codec.encode(message)
        count.add(1, ordering: .relaxed)
    }
}
