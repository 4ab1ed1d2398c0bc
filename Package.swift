// swift-tools-version:6.0
// Spike: a Jupyter kernel whose language defines spiking neural networks.
// Module rules (design.md §2) are enforced in CI with
// `--explicit-target-dependency-import-check error`.
import PackageDescription

let package = Package(
    name: "Spike",
    products: [
        .executable(name: "spike", targets: ["spike"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    ],
    targets: [
        // System libraries (Debian: libzmq3-dev, libopenblas-dev, libssl-dev).
        .systemLibrary(name: "CZeroMQ", path: "Sources/CZeroMQ"),
        .systemLibrary(name: "COpenBLAS", path: "Sources/COpenBLAS", pkgConfig: "openblas"),
        .systemLibrary(name: "COpenSSL", path: "Sources/COpenSSL", pkgConfig: "libcrypto"),

        // Pointer kernels over buffers and sizes (LIF sweeps, spike accumulation, row loops);
        // no tensors, no tape. Plain -O in release: -Ounchecked measured no gain on
        // `spike bench lif`/`linear`/`block` (docs/architecture.md §5).
        .target(name: "SpikeKernels", dependencies: ["COpenBLAS"], swiftSettings: [.swiftLanguageMode(.v6)]),
        // Numerics: tensors, autograd, neurons, encodings, layers, training.
        .target(
            name: "SpikeEngine",
            dependencies: ["SpikeKernels", "COpenBLAS"],
            resources: [.copy("Resources/Datasets")],
            swiftSettings: [.swiftLanguageMode(.v6)]
        ),
        // Figures to SVG and tables to HTML, as strings.
        .target(name: "SpikePlot"),
        // The Spike language: lexing, parsing, checking, evaluation, completion.
        .target(name: "SpikeLang", dependencies: ["SpikeEngine", "SpikePlot"]),
        // Jupyter messages, connection files and HMAC signing.
        .target(name: "JupyterWire", dependencies: ["COpenSSL"]),
        // Swift sockets over libzmq.
        .target(name: "ZeroMQ", dependencies: ["CZeroMQ"]),
        // Protocol behaviour behind an `Interpreter`; no sockets.
        .target(name: "JupyterKernel", dependencies: ["JupyterWire"]),
        // Command line and composition root.
        .executableTarget(
            name: "spike",
            dependencies: [
                "SpikeEngine", "SpikePlot", "SpikeLang", "JupyterWire", "ZeroMQ", "JupyterKernel",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),

        // Shared test helpers.
        .target(name: "TestSupport", path: "Tests/TestSupport"),
        .testTarget(name: "SpikeEngineTests", dependencies: ["SpikeEngine", "SpikeKernels", "TestSupport"], exclude: ["Golden", "DataTests/Golden", "TrainingTests/Golden"]),
        .testTarget(name: "SpikeKernelsTests", dependencies: ["SpikeKernels"]),
        .testTarget(name: "SpikePlotTests", dependencies: ["SpikePlot", "TestSupport"], exclude: ["Snapshots"]),
        .testTarget(name: "SpikeLangTests", dependencies: ["SpikeLang", "SpikeEngine", "SpikePlot", "TestSupport"], exclude: ["Golden"]),
        .testTarget(name: "JupyterWireTests", dependencies: ["JupyterWire", "TestSupport"], exclude: ["Vectors"]),
        // ZeroMQTests also drives the `spike` transport runtimes (Sources/spike/Transport) end to end.
        .testTarget(name: "ZeroMQTests", dependencies: ["ZeroMQ", "JupyterWire", "JupyterKernel", "spike", "TestSupport"]),
        // The command line's own pieces: the language adapter, `spike run` output, the installer.
        .testTarget(name: "SpikeCommandTests", dependencies: ["spike", "SpikeLang", "JupyterKernel", "JupyterWire", "TestSupport"]),
        .testTarget(name: "JupyterKernelTests", dependencies: ["JupyterKernel", "JupyterWire", "TestSupport"]),
    ],
    swiftLanguageModes: [.v5]
)
