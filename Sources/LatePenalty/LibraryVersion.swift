/// The library's version, as `penalty --version`, `penalty_version()` and the release packages
/// give it: major for incompatible changes, minor for additions, patch for fixes.
public let libraryVersion = "1.1.0"
