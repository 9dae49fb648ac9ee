import GRDB
import RespectStore

extension StoreError {
    /// A failure of SQLite or of decoding, in SQLite's own words where it has them. A file that
    /// another process kept locked past the busy timeout is unavailable: the call may succeed later.
    init(location: String, action: Action, underlying: any Error) {
        let databaseError = underlying as? DatabaseError
        let message = databaseError.map { $0.message ?? "\($0)" } ?? "\(underlying)"
        let busy = databaseError.map { [.SQLITE_BUSY, .SQLITE_LOCKED].contains($0.resultCode) } ?? false
        self.init(location: location, action: action, kind: busy ? .unavailable : .failed, message: message)
    }
}
