import Foundation

/// Where a process's memory cgroups keep their limit and usage: parsed from /proc/self/cgroup
/// (which group) and /proc/self/mountinfo (where its hierarchy is mounted).
struct CgroupMemoryFiles: Equatable {
    var limitPath: String
    var usagePath: String

    /// The files of the process's memory group and every group above it, leaf first; v2
    /// (`memory.max`) when mounted, and v1 (`memory.limit_in_bytes`) when mounted.
    static func groups(membership: String, mountInfo: String) -> [CgroupMemoryFiles] {
        var result: [CgroupMemoryFiles] = []
        for line in membership.split(separator: "\n") {
            let parts = line.split(separator: ":", maxSplits: 2, omittingEmptySubsequences: false)
            guard parts.count == 3 else { continue }
            let path = String(parts[2])
            if parts[0] == "0", parts[1].isEmpty, let mount = mountPoint(in: mountInfo, v2: true) {
                result += directories(path, mount).map {
                    CgroupMemoryFiles(limitPath: $0 + "/memory.max", usagePath: $0 + "/memory.current")
                }
            } else if parts[1].split(separator: ",").contains("memory"), let mount = mountPoint(in: mountInfo, v2: false) {
                result += directories(path, mount).map {
                    CgroupMemoryFiles(limitPath: $0 + "/memory.limit_in_bytes", usagePath: $0 + "/memory.usage_in_bytes")
                }
            }
        }
        return result
    }

    /// The mount's root (within the hierarchy) and mount point of the cgroup2 hierarchy, or of
    /// the v1 hierarchy with the memory controller.
    private static func mountPoint(in mountInfo: String, v2: Bool) -> (root: String, point: String)? {
        for line in mountInfo.split(separator: "\n") {
            let halves = line.components(separatedBy: " - ")
            guard halves.count == 2 else { continue }
            let fields = halves[0].split(separator: " ")
            let tail = halves[1].split(separator: " ")
            guard fields.count >= 5, tail.count >= 3 else { continue }
            let matches = v2 ? tail[0] == "cgroup2" : tail[0] == "cgroup" && tail[2].split(separator: ",").contains("memory")
            if matches { return (String(fields[3]), String(fields[4])) }
        }
        return nil
    }

    /// The directories of `path` and its ancestors under a mount of the hierarchy at `mount`.
    private static func directories(_ path: String, _ mount: (root: String, point: String)) -> [String] {
        var relative = path
        if mount.root != "/", relative.hasPrefix(mount.root) { relative.removeFirst(mount.root.count) }
        var components = relative.split(separator: "/").map(String.init)
        var result: [String] = []
        while true {
            result.append(([mount.point] + components).joined(separator: "/"))
            guard !components.isEmpty else { return result }
            components.removeLast()
        }
    }

    /// A limit or usage file's bytes; nil for "max" (v2 unlimited) or unreadable text. v1
    /// writes "unlimited" as a number near `Int.max`, which works as is.
    static func bytes(_ text: String) -> Int? {
        Int(text.trimmingCharacters(in: .whitespacesAndNewlines))
    }
}
