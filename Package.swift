// swift-tools-version:6.0
// Spike: a Jupyter kernel whose language defines spiking neural networks.
// Module rules (docs/architecture.md §2) are enforced in CI with
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
        .target(name: "JupyterWire", dependencies: ["COpenSSL"], swiftSettings: [.swiftLanguageMode(.v6)]),
        // Swift sockets over libzmq.
        .target(name: "ZeroMQ", dependencies: ["CZeroMQ"], swiftSettings: [.swiftLanguageMode(.v6)]),
        // Protocol behaviour behind an `Interpreter`; no sockets.
        .target(name: "JupyterKernel", dependencies: ["JupyterWire"], swiftSettings: [.swiftLanguageMode(.v6)]),
        // The transport, apart from any language (as xeus-zmq is to xeus): the ZeroMQ and stdio
        // runtimes, the IOPub publisher, SIGINT handling, service threads. Serves any `Interpreter`.
        .target(
            name: "KernelRuntime", dependencies: ["JupyterKernel", "JupyterWire", "ZeroMQ"],
            swiftSettings: [.swiftLanguageMode(.v6)]
        ),
        // The Spike language as a kernel (evcxr's lib.rs to its main.rs): the adapter from the
        // language's values to Jupyter's (`SpikeInterpreter`), `spike run`'s file output and the
        // kernelspec installer. Everything the command line does that is worth a unit test.
        .target(
            name: "SpikeKernel", dependencies: ["SpikeEngine", "SpikeLang", "JupyterKernel", "JupyterWire"],
            swiftSettings: [.swiftLanguageMode(.v6)]
        ),
        // The thin executable: argument parsing, composition (language + runtime), benches.
        // No test target depends on it; tests that need the process run the built binary.
        .executableTarget(
            name: "spike",
            dependencies: [
                "SpikeEngine", "SpikeLang", "JupyterWire", "JupyterKernel", "KernelRuntime", "SpikeKernel",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: [.swiftLanguageMode(.v6)]
        ),

        // Shared test helpers. The Jupyter side (wire, sockets, kernel, runtime, adapter, command
        // line) and its tests build in Swift 6 language mode already; the package-wide setting
        // below follows once the engine, language and plots are converted.
        .target(name: "TestSupport", path: "Tests/TestSupport"),
        // An in-memory kernel (scripted and echo interpreters, recording sink), its envelope checks,
        // shared by the kernel's and the runtimes' tests (as NIOEmbedded is to swift-nio).
        .target(
            name: "KernelTestSupport", dependencies: ["JupyterKernel", "JupyterWire"], path: "Tests/KernelTestSupport",
            swiftSettings: [.swiftLanguageMode(.v6)]
        ),
        .testTarget(name: "SpikeEngineTests", dependencies: ["SpikeEngine", "SpikeKernels", "TestSupport"], exclude: ["Golden", "DataTests/Golden", "TrainingTests/Golden"]),
        .testTarget(name: "SpikeKernelsTests", dependencies: ["SpikeKernels"]),
        .testTarget(name: "SpikePlotTests", dependencies: ["SpikePlot", "TestSupport"], exclude: ["Snapshots"]),
        .testTarget(name: "SpikeLangTests", dependencies: ["SpikeLang", "SpikeEngine", "SpikePlot", "TestSupport"], exclude: ["Golden"]),
        .testTarget(name: "JupyterWireTests", dependencies: ["JupyterWire", "TestSupport"], exclude: ["Vectors"], swiftSettings: [.swiftLanguageMode(.v6)]),
        .testTarget(name: "ZeroMQTests", dependencies: ["ZeroMQ", "TestSupport"], swiftSettings: [.swiftLanguageMode(.v6)]),
        // The runtimes end to end over real sockets and pipes, serving a test interpreter.
        .testTarget(
            name: "KernelRuntimeTests", dependencies: [
                "KernelRuntime", "JupyterKernel", "JupyterWire", "ZeroMQ", "KernelTestSupport", "TestSupport",
            ],
            swiftSettings: [.swiftLanguageMode(.v6)]
        ),
        // The language adapter, `spike run` output, the installer.
        .testTarget(
            name: "SpikeKernelTests", dependencies: ["SpikeKernel", "SpikeLang", "JupyterKernel", "JupyterWire", "TestSupport"],
            swiftSettings: [.swiftLanguageMode(.v6)]
        ),
        .testTarget(
            name: "JupyterKernelTests", dependencies: ["JupyterKernel", "JupyterWire", "KernelTestSupport", "TestSupport"],
            swiftSettings: [.swiftLanguageMode(.v6)]
        ),
    ],
    swiftLanguageModes: [.v5]
)
