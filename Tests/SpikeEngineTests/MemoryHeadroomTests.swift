import Foundation
import Synchronization
import XCTest

@testable import SpikeEngine

/// The budget follows the tightest limit the process lives under (cgroup v2 or v1, RLIMIT_AS,
/// available memory), read from injected files so every kind of machine can be described.
final class MemoryHeadroomTests: XCTestCase {
    private static let gib = 1 << 30
    private static let page = Int(sysconf(Int32(_SC_PAGESIZE)))
    private static let plenty = "MemTotal: 67108864 kB\nMemFree: 60000000 kB\nMemAvailable: 62914560 kB\n"  // 60 GiB

    private func headroom(_ files: [String: String], addressSpace: Int? = nil) -> MemoryHeadroom {
        MemoryHeadroom(readFile: { files[$0] }, addressSpaceLimit: { addressSpace }, physicalMemory: 64 * Self.gib)
    }

    func testACgroupV2LimitLessItsUsageIsTheHeadroom() {
        let files = [
            "/proc/meminfo": Self.plenty,
            "/proc/self/cgroup": "0::/kubepods/pod1\n",
            "/proc/self/mountinfo": "30 23 0:26 / /sys/fs/cgroup rw,nosuid - cgroup2 cgroup2 rw,nsdelegate\n",
            "/sys/fs/cgroup/kubepods/pod1/memory.max": "3221225472\n",
            "/sys/fs/cgroup/kubepods/pod1/memory.current": "1073741824\n",
            "/sys/fs/cgroup/kubepods/memory.max": "max\n",
            "/sys/fs/cgroup/kubepods/memory.current": "5000000000\n"
        ]
        XCTAssertEqual(headroom(files).bytesFree(), 2 * Self.gib)
    }

    func testAnAncestorGroupsTighterLimitWins() {
        let files = [
            "/proc/meminfo": Self.plenty,
            "/proc/self/cgroup": "0::/a/b\n",
            "/proc/self/mountinfo": "30 23 0:26 / /sys/fs/cgroup rw - cgroup2 cgroup2 rw\n",
            "/sys/fs/cgroup/a/b/memory.max": "max\n",
            "/sys/fs/cgroup/a/b/memory.current": "100\n",
            "/sys/fs/cgroup/a/memory.max": "\(4 * Self.gib)\n",
            "/sys/fs/cgroup/a/memory.current": "\(3 * Self.gib)\n"
        ]
        XCTAssertEqual(headroom(files).bytesFree(), Self.gib)
    }

    func testACgroupV1MemoryHierarchyIsFoundThroughMountinfo() {
        let mountInfo = """
            32 31 0:29 / /sys/fs/cgroup/cpu rw,relatime - cgroup cgroup rw,cpu
            35 31 0:32 / /sys/fs/cgroup/memory rw,relatime - cgroup cgroup rw,memory
            """
        let files = [
            "/proc/meminfo": Self.plenty,
            "/proc/self/cgroup": "8:cpu:/\n4:memory:/process_api/abc\n",
            "/proc/self/mountinfo": mountInfo,
            "/sys/fs/cgroup/memory/process_api/abc/memory.limit_in_bytes": "\(3 * Self.gib)\n",
            "/sys/fs/cgroup/memory/process_api/abc/memory.usage_in_bytes": "\(Self.gib / 2)\n",
            "/sys/fs/cgroup/memory/memory.limit_in_bytes": "9223372036854771712\n",
            "/sys/fs/cgroup/memory/memory.usage_in_bytes": "\(10 * Self.gib)\n"
        ]
        XCTAssertEqual(headroom(files).bytesFree(), 5 * Self.gib / 2)
    }

    func testAMountOfTheGroupItselfIsReadAtTheMountPoint() {
        let files = [
            "/proc/meminfo": Self.plenty,
            "/proc/self/cgroup": "4:memory,hugetlb:/docker/c1\n",
            "/proc/self/mountinfo": "35 31 0:32 /docker/c1 /sys/fs/cgroup/memory ro - cgroup cgroup rw,memory,hugetlb\n",
            "/sys/fs/cgroup/memory/memory.limit_in_bytes": "\(2 * Self.gib)\n",
            "/sys/fs/cgroup/memory/memory.usage_in_bytes": "\(Self.gib)\n"
        ]
        XCTAssertEqual(headroom(files).bytesFree(), Self.gib)
    }

    func testTheAddressSpaceLimitLessTheVirtualSizeIsTheHeadroom() {
        let pages = Self.gib / Self.page
        let files = ["/proc/meminfo": Self.plenty, "/proc/self/statm": "\(pages) 1000 500 10 0 900 0\n"]
        XCTAssertEqual(headroom(files, addressSpace: 3 * Self.gib).bytesFree(), 2 * Self.gib)
    }

    func testWithoutLimitsTheAvailableMemoryIsTheHeadroomAndThePhysicalMemoryItsFallback() {
        XCTAssertEqual(headroom(["/proc/meminfo": Self.plenty]).bytesFree(), 60 * Self.gib)
        XCTAssertEqual(headroom([:]).bytesFree(), 64 * Self.gib)
    }

    func testAProcessAlreadyPastItsLimitHasNoHeadroom() {
        let pages = 4 * Self.gib / Self.page
        let files = ["/proc/meminfo": Self.plenty, "/proc/self/statm": "\(pages) 1 1 1 0 1 0\n"]
        XCTAssertEqual(headroom(files, addressSpace: 3 * Self.gib).bytesFree(), 0)
    }

    func testALiveBudgetRefusesWhatTheHeadroomCannotHoldAndNamesTheLimit() throws {
        let pages = Self.gib / Self.page
        let files = ["/proc/meminfo": Self.plenty, "/proc/self/statm": "\(pages) 1 1 1 0 1 0\n"]
        let budget = MemoryBudget(headroom: headroom(files, addressSpace: 3 * Self.gib))
        let allowed = Int(Double(2 * Self.gib) * MemoryBudget.liveFraction)
        XCTAssertNoThrow(try budget.check(bytes: allowed))
        XCTAssertThrowsError(try budget.check(bytes: allowed + 1)) { error in
            XCTAssertEqual(error as? EngineError, .resource(requestedBytes: allowed + 1, budgetBytes: allowed))
        }
        XCTAssertThrowsError(try budget.check(count: Int.max / 2, bytesEach: 8)) { error in
            XCTAssertEqual(error as? EngineError, .resource(requestedBytes: Int.max, budgetBytes: allowed))
        }
    }

    func testSmallRequestsDoNotReadTheLimitsButLargeOnesReadThemEachTime() throws {
        final class Reads: Sendable {
            private let count = Atomic<Int>(0)
            func add() { count.add(1, ordering: .relaxed) }
            var total: Int { count.load(ordering: .relaxed) }
        }
        let reads = Reads()
        let budget = MemoryBudget(
            headroom: MemoryHeadroom(
                readFile: { _ in
                    reads.add()
                    return nil
                },
                addressSpaceLimit: { nil }, physicalMemory: 64 * Self.gib))
        try budget.check(bytes: MemoryBudget.liveCheckThreshold - 1)
        XCTAssertEqual(reads.total, 0)
        try budget.check(bytes: MemoryBudget.liveCheckThreshold)
        let perCheck = reads.total
        XCTAssertGreaterThan(perCheck, 0)
        try budget.check(bytes: MemoryBudget.liveCheckThreshold)
        XCTAssertEqual(reads.total, 2 * perCheck)
    }

    func testTheSystemHeadroomOfThisProcessIsPositiveAndBelowThePhysicalMemory() {
        let free = MemoryHeadroom.system.bytesFree()
        XCTAssertGreaterThan(free, 0)
        XCTAssertLessThanOrEqual(free, Int(ProcessInfo.processInfo.physicalMemory))
    }
}
