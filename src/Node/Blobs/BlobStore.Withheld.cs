namespace FedChain.Node.Blobs;

public sealed partial class BlobStore
{
    // Kept in the index database beside the blobs, so a restarted node goes on withholding them.
    private readonly HashSet<BlobId> _withheld = [];

    /// <summary>Marks <paramref name="id"/> as served only to whoever asks for it by id, never announced nor in the inventory
    /// (sharded aggregation's point-to-point shards). Durable: a node restarted mid-plan does not announce its older shards.</summary>
    public void Withhold(BlobId id)
    {
        lock (_lock)
        {
            if (!_withheld.Add(id)) return;
            using var command = Command("INSERT OR IGNORE INTO withheld (id) VALUES ($id)", ("$id", id.ToString()));
            command.ExecuteNonQuery();
        }
    }

    /// <summary>Whether <paramref name="id"/> was marked by <see cref="Withhold"/>, in this run or an earlier one.</summary>
    public bool IsWithheld(BlobId id)
    {
        lock (_lock) return _withheld.Contains(id);
    }

    /// <summary>Loads the withheld ids; called once at open.</summary>
    private void LoadWithheld()
    {
        lock (_lock)
        {
            using (var create = Command("CREATE TABLE IF NOT EXISTS withheld (id TEXT PRIMARY KEY)")) create.ExecuteNonQuery();
            using var command = Command("SELECT id FROM withheld");
            using var reader = command.ExecuteReader();
            while (reader.Read()) _withheld.Add(BlobId.Parse(reader.GetString(0)));
        }
    }
}
