import GRDB
import RespectStore

extension StoreError {
    /// A failure of SQLite or of decoding, in SQLite's own words where it has them.
    init(location: String, action: Action, underlying: any Error) {
        let message = (underlying as? DatabaseError).map { $0.message ?? "\($0)" } ?? "\(underlying)"
        self.init(location: location, action: action, message: message)
    }
}
