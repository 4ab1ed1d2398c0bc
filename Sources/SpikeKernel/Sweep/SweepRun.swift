import SpikeLang

/// One combination of a sweep: its parameters, in the order of the command line, and the
/// stable id that names its folder (`runs/<id>/`) and its line in `sweep.jsonl`.
public struct SweepRun: Equatable, Sendable {
    public var id: String
    public var parameters: [ScriptParameter]

    public init(parameters: [ScriptParameter]) {
        self.parameters = parameters
        self.id = Self.id(for: parameters)
    }

    /// The run's arguments for `spike run`: `seed=3 pe="cpg"`.
    public var arguments: [String] { parameters.map(\.argument) }

    /// Longest part of an id that spells a parameter's value.
    static let valueSpellingLimit = 24

    /// A folder name that depends only on the parameters (not their order on the command line,
    /// the machine or the time): each `name-value` in name order, characters other than letters,
    /// digits, `.` and `-` turned into `_`, values cut at `valueSpellingLimit` characters, then
    /// 12 hexadecimal digits of a 64-bit FNV-1a hash (mixed) of the exact arguments — so two runs
    /// whose spelled parts read the same still get different ids.
    ///
    ///     SweepRun.id(for: [seed=3, pe="cpg"])   // "pe-cpg_seed-3-<12 hex digits>"
    public static func id(for parameters: [ScriptParameter]) -> String {
        let sorted = parameters.sorted { $0.name < $1.name }
        let spelled = sorted.map { safe($0.name) + "-" + safe(String(spelling(of: $0.value).prefix(valueSpellingLimit))) }
        let canonical = sorted.map(\.argument).joined(separator: "\n")
        let hash = String(mixed(fnv1a(canonical)) >> 16, radix: 16)
        return spelled.joined(separator: "_") + "-" + String(repeating: "0", count: 12 - hash.count) + hash
    }

    /// A string without its quotes, any other value as its literal.
    private static func spelling(of value: PlainValue) -> String {
        if case .string(let text) = value { return text }
        return value.literalText
    }

    private static func safe(_ text: String) -> String {
        String(
            text.unicodeScalars.map { scalar -> Character in
                let keep =
                    scalar.isASCII && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || scalar == "." || scalar == "-")
                return keep ? Character(scalar) : "_"
            })
    }

    /// FNV-1a, 64 bits, over the UTF-8 bytes: the same on every machine and in every process.
    static func fnv1a(_ text: String) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01b3
        }
        return hash
    }

    /// SplitMix64's finalizer, so that neighboring texts (`seed=0`, `seed=1`) differ in every digit.
    static func mixed(_ value: UInt64) -> UInt64 {
        var z = value
        z = (z ^ (z >> 30)) &* 0xbf58_476d_1ce4_e5b9
        z = (z ^ (z >> 27)) &* 0x94d0_49bb_1331_11eb
        return z ^ (z >> 31)
    }
}
