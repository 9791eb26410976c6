using TorchSharp;
using static TorchSharp.torch;

namespace FedChain.Learning.Models;

/// <summary>
/// Tensor arithmetic with a scalar, or with TorchSharp's implicit alpha of 1, that keeps every
/// <see cref="Scalar"/> alive until libtorch has read it.
/// </summary>
/// <remarks>
/// TorchSharp 0.107 hands a Scalar's native handle to libtorch without <c>GC.KeepAlive</c>, and a
/// Scalar's finalizer frees its native object. In optimised code a temporary Scalar (the <c>1</c> in
/// <c>a + b</c>, which is <c>a.add(b, 1)</c>, or the <c>2.0</c> in <c>x * 2.0</c>) is dead as soon as
/// its handle is read, so a GC on another thread can free it while libtorch reads it. Under load that
/// was seen as "Exception raised from toFloat at c10/core/Scalar.h:140" in the middle of training.
/// Here the constant 1 is a static (never finalised) and every other Scalar is disposed only after the
/// call; the libtorch calls and their order are those of the operators, so the bits are the same.
/// </remarks>
public static class TorchScalars
{
    private static readonly Scalar One = 1.ToScalar();

    /// <summary>a + b.</summary>
    public static Tensor Plus(Tensor a, Tensor b) => a.add(b, One);

    /// <summary>a + s.</summary>
    public static Tensor Plus(Tensor a, double s)
    {
        using var scalar = s.ToScalar();
        return a.add(scalar, One);
    }

    /// <summary>s - a, as TorchSharp computes it: (-a) + s.</summary>
    public static Tensor Minus(double s, Tensor a)
    {
        using var scalar = s.ToScalar();
        return a.negative().add(scalar, One);
    }

    /// <summary>a * s.</summary>
    public static Tensor Times(Tensor a, double s)
    {
        using var scalar = s.ToScalar();
        return a.mul(scalar);
    }

    /// <summary>a / s.</summary>
    public static Tensor Over(Tensor a, double s)
    {
        using var scalar = s.ToScalar();
        return a.div(scalar);
    }

    /// <summary>s / a, as TorchSharp computes it: a.reciprocal() * s.</summary>
    public static Tensor Over(double s, Tensor a)
    {
        using var scalar = s.ToScalar();
        return a.reciprocal().mul(scalar);
    }

    /// <summary>min(a, s) element-wise.</summary>
    public static Tensor ClampMax(Tensor a, double s)
    {
        using var scalar = s.ToScalar();
        return a.clamp_max(scalar);
    }

    /// <summary>a += s, in place.</summary>
    public static void PlusInPlace(Tensor a, double s)
    {
        using var scalar = s.ToScalar();
        a.add_(scalar, One);
    }

    /// <summary>a += alpha * b, in place.</summary>
    public static void AddInPlace(Tensor a, Tensor b, double alpha = 1)
    {
        if (alpha == 1)
        {
            a.add_(b, One);
            return;
        }

        using var scalar = alpha.ToScalar();
        a.add_(b, scalar);
    }
}
