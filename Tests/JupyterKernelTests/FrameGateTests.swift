import Foundation
import JupyterKernel
import JupyterWire
import KernelTestSupport
import XCTest

final class FrameGateTests: XCTestCase {
    private let codec = WireCodec(key: "kernel-key")

    func testForgedUnsignedTruncatedAndNonJsonFramesAreLoggedAndDropped() {
        let harness = KernelHarness()
        let gate = FrameGate(codec: codec, log: harness.logLines.append)
        let good = harness.request("kernel_info_request")
        let frames = codec.encode(good)
        let delimiter = frames.firstIndex(of: WireCodec.delimiter) ?? 0
        var forged = frames
        forged[delimiter + 1] = Data(String(repeating: "0", count: 64).utf8)
        var unsigned = frames
        unsigned[delimiter + 1] = Data()
        let truncated = Array(frames.prefix(delimiter + 3))
        let parts = [Data("{".utf8), Data("{}".utf8), Data("{}".utf8), Data("{}".utf8)]
        let nonJSON = [WireCodec.delimiter, Data(codec.signer.signature(of: parts).utf8)] + parts
        let wrongKey = WireCodec(key: "other").encode(good)

        let inputs = [forged, unsigned, truncated, nonJSON, wrongKey, [], [Data()], frames]
        let admitted = inputs.compactMap { gate.admit($0, on: .shell) }
        XCTAssertEqual(admitted, [good])
        XCTAssertEqual(harness.logLines.lines.count, 7)
        XCTAssertTrue(harness.logLines.lines.allSatisfy { $0.hasPrefix("dropped a message on shell") })

        harness.serve(admitted)
        XCTAssertEqual(harness.sink.reply(to: good.header.messageID)?.message.type, "kernel_info_reply")
    }

    func testRandomGarbageNeverCrashesTheGate() {
        var generator = SplitMix64(seed: 42)
        let gate = FrameGate(codec: codec, log: { _ in })
        let good = codec.encode(KernelHarness().request("execute_request", ["code": "x"]))
        for _ in 0..<2000 {
            var frames = good
            let frame = Int(generator.next() % UInt64(frames.count))
            var bytes = [UInt8](frames[frame])
            if !bytes.isEmpty {
                bytes[Int(generator.next() % UInt64(bytes.count))] = UInt8(truncatingIfNeeded: generator.next())
            }
            frames[frame] = Data(bytes)
            if generator.next() % 4 == 0 { frames.removeLast(Int(generator.next() % UInt64(frames.count))) }
            _ = gate.admit(frames, on: .shell)
        }
    }
}

/// A small deterministic generator for fuzz inputs.
struct SplitMix64 {
    private var state: UInt64

    init(seed: UInt64) {
        state = seed
    }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
