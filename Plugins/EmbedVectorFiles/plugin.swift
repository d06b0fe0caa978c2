import Foundation
import PackagePlugin

/// Compiles the package's test vectors (`vectors/*.json`) into the `penalty` tool, so that
/// `penalty verify` with no argument checks the bundled vectors wherever the binary is run.
@main
struct EmbedVectorFiles: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let directory = context.package.directoryURL.appending(path: "vectors")
        let files = try FileManager.default.contentsOfDirectory(at: directory, includingPropertiesForKeys: nil)
            .filter { $0.pathExtension == "json" }
            .sorted { $0.lastPathComponent < $1.lastPathComponent }
        let output = context.pluginWorkDirectoryURL.appending(path: "BundledVectorFiles.swift")
        return [
            .buildCommand(
                displayName: "Embedding \(files.count) vector files",
                executable: try context.tool(named: "embed-json-files").url,
                arguments: [output.path, "BundledVectorFiles"] + files.map(\.path),
                inputFiles: files,
                outputFiles: [output])
        ]
    }
}
