using FedChain.Node.Blobs;

namespace FedChain.Node.Tests.Blobs;

public sealed class RecentBlobsTests
{
    private static readonly BlobId A = BlobId.Compute([1]);
    private static readonly BlobId B = BlobId.Compute([2]);
    private static readonly BlobId C = BlobId.Compute([3]);

    [Fact]
    public void Add_PastTheBudget_EvictsTheLeastRecentlyUsed()
    {
        var sut = new RecentBlobs(capacityBytes: 20);
        sut.Add(A, new byte[10]);
        sut.Add(B, new byte[10]);
        Assert.NotNull(sut.Get(A)); // A is now the more recent

        sut.Add(C, new byte[10]);

        Assert.NotNull(sut.Get(A));
        Assert.Null(sut.Get(B));
        Assert.NotNull(sut.Get(C));
    }

    [Fact]
    public void Add_BlobOverTheBudget_IsNotKept()
    {
        var sut = new RecentBlobs(capacityBytes: 8);

        sut.Add(A, new byte[9]);

        Assert.Null(sut.Get(A));
    }
}
