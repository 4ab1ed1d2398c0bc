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
        // System libraries (Debian: libzmq3-dev, libopenblas-dev, libssl-dev, libsqlite3-dev).
        .systemLibrary(name: "CZeroMQ", path: "Sources/CZeroMQ"),
        .systemLibrary(name: "COpenBLAS", path: "Sources/COpenBLAS", pkgConfig: "openblas"),
        .systemLibrary(name: "COpenSSL", path: "Sources/COpenSSL", pkgConfig: "libcrypto"),
        .systemLibrary(name: "CSQLite", path: "Sources/CSQLite", pkgConfig: "sqlite3"),
        // Debian librsvg2-dev: SVG figures rasterised to PNG (SpikePlot's SVGRaster).
        .systemLibrary(name: "CRSVG", path: "Sources/CRSVG", pkgConfig: "librsvg-2.0"),

        // Pointer kernels over buffers and sizes (LIF sweeps, spike accumulation, row loops);
        // no tensors, no tape. Plain -O in release: -Ounchecked measured no gain on
        // `spike bench lif`/`linear`/`block` (docs/architecture.md §5).
        .target(name: "SpikeKernels", dependencies: ["COpenBLAS"]),
        // Numerics: tensors, autograd, neurons, encodings, layers, training.
        .target(
            name: "SpikeEngine",
            dependencies: ["SpikeKernels", "COpenBLAS"],
            resources: [.copy("Resources/Datasets")]
        ),
        // Figures to SVG and tables to HTML, as strings; SVG to PNG through librsvg.
        .target(name: "SpikePlot", dependencies: ["CRSVG"]),
        // The Spike language: lexing, parsing, checking, evaluation, completion.
        .target(name: "SpikeLang", dependencies: ["SpikeEngine", "SpikePlot"]),
        // Jupyter messages, connection files and HMAC signing.
        .target(name: "JupyterWire", dependencies: ["COpenSSL"]),
        // Swift sockets over libzmq.
        .target(name: "ZeroMQ", dependencies: ["CZeroMQ"]),
        // Protocol behaviour behind an `Interpreter`; no sockets.
        .target(name: "JupyterKernel", dependencies: ["JupyterWire"]),
        // The transport, apart from any language (as xeus-zmq is to xeus): the ZeroMQ and stdio
        // runtimes, the IOPub publisher, SIGINT handling, service threads. Serves any `Interpreter`.
        .target(
            name: "KernelRuntime", dependencies: ["JupyterKernel", "JupyterWire", "ZeroMQ"]
        ),
        // Execution history that survives restarts: a SQLite file shared by the user's kernels,
        // behind JupyterKernel's `HistoryBackend` (as IPython's HistoryManager is to ipykernel).
        .target(name: "KernelHistory", dependencies: ["JupyterKernel", "JupyterWire", "CSQLite"]),
        // The Spike language as a kernel (evcxr's lib.rs to its main.rs): the adapter from the
        // language's values to Jupyter's (`SpikeInterpreter`), `spike run`'s file output and the
        // kernelspec installer. Everything the command line does that is worth a unit test.
        .target(
            name: "SpikeKernel", dependencies: ["SpikeEngine", "SpikeLang", "JupyterKernel", "JupyterWire"]
        ),
        // The language server (`spike lsp`): LSP over JSON-RPC as a state machine, no I/O.
        .target(name: "SpikeLSP", dependencies: ["SpikeLang", "JupyterWire"]),
        // The thin executable: argument parsing, composition (language + runtime), benches.
        // No test target depends on it; tests that need the process run the built binary.
        .executableTarget(
            name: "spike",
            dependencies: [
                "SpikeEngine", "SpikeLang", "JupyterWire", "JupyterKernel", "KernelRuntime", "KernelHistory", "SpikeKernel", "SpikeLSP",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),

        // Shared test helpers.
        .target(name: "TestSupport", path: "Tests/TestSupport"),
        // An in-memory kernel (scripted and echo interpreters, recording sink), its envelope checks,
        // shared by the kernel's and the runtimes' tests (as NIOEmbedded is to swift-nio).
        .target(
            name: "KernelTestSupport", dependencies: ["JupyterKernel", "JupyterWire"], path: "Tests/KernelTestSupport"
        ),
        .testTarget(name: "SpikeEngineTests", dependencies: ["SpikeEngine", "SpikeKernels", "TestSupport"], exclude: ["Golden", "DataTests/Golden", "TrainingTests/Golden"]),
        .testTarget(name: "SpikeKernelsTests", dependencies: ["SpikeKernels"]),
        .testTarget(name: "SpikePlotTests", dependencies: ["SpikePlot", "TestSupport"], exclude: ["Snapshots"]),
        .testTarget(name: "SpikeLangTests", dependencies: ["SpikeLang", "SpikeEngine", "SpikePlot", "TestSupport"], exclude: ["Golden"]),
        .testTarget(name: "JupyterWireTests", dependencies: ["JupyterWire", "TestSupport"], exclude: ["Vectors"]),
        .testTarget(name: "ZeroMQTests", dependencies: ["ZeroMQ", "TestSupport"]),
        .testTarget(name: "KernelHistoryTests", dependencies: ["KernelHistory", "JupyterKernel", "JupyterWire"]),
        // The runtimes end to end over real sockets and pipes, serving a test interpreter.
        .testTarget(
            name: "KernelRuntimeTests", dependencies: [
                "KernelRuntime", "JupyterKernel", "JupyterWire", "ZeroMQ", "KernelTestSupport", "TestSupport",
            ]
        ),
        // The language adapter, `spike run` output, the installer.
        .testTarget(
            name: "SpikeKernelTests", dependencies: ["SpikeKernel", "SpikeLang", "JupyterKernel", "JupyterWire", "TestSupport"]
        ),
        .testTarget(name: "SpikeLSPTests", dependencies: ["SpikeLSP", "SpikeLang", "JupyterWire"]),
        .testTarget(
            name: "JupyterKernelTests", dependencies: ["JupyterKernel", "JupyterWire", "KernelTestSupport", "TestSupport"]
        ),
    ],
    swiftLanguageModes: [.v6]
)
