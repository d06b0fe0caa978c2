@_exported import ExactNumbers
