namespace FedChain.Node.Wire;

/// <summary>What <see cref="FrameReader.TryRead"/> found at the front of the buffer.</summary>
internal enum FrameParse
{
    /// <summary>Not a whole frame yet: read more bytes.</summary>
    NeedMore,

    /// <summary>A whole frame, consumed from the buffer.</summary>
    Frame,

    /// <summary>The length prefix exceeds the cap; the stream cannot be trusted any more.</summary>
    Oversize,
}
