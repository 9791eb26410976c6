using System.Runtime.InteropServices;

namespace FedChain.Learning.Trees.LightGbm;

/// <summary>
/// The few functions of LightGBM's C API (include/LightGBM/c_api.h, LightGBM 4.7.0) the pooled
/// baseline needs; the library ships in the LightGBM NuGet package and needs libgomp1.
/// </summary>
internal static partial class LightGbmNative
{
    private const string Library = "lib_lightgbm";

    public const int Float32 = 0;
    public const int Float64 = 1;
    public const int PredictRawScore = 1;

    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    public static partial int LGBM_DatasetCreateFromMat(double[] data, int dataType, int rows, int columns, int isRowMajor, string parameters, IntPtr reference, out IntPtr dataset);

    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    public static partial int LGBM_DatasetSetField(IntPtr dataset, string field, float[] data, int count, int type);

    [LibraryImport(Library)]
    public static partial int LGBM_DatasetFree(IntPtr dataset);

    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    public static partial int LGBM_BoosterCreate(IntPtr dataset, string parameters, out IntPtr booster);

    [LibraryImport(Library)]
    public static partial int LGBM_BoosterUpdateOneIter(IntPtr booster, out int finished);

    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    public static partial int LGBM_BoosterPredictForMat(IntPtr booster, double[] data, int dataType, int rows, int columns, int isRowMajor, int predictType,
        int startIteration, int iterations, string parameters, out long length, double[] result);

    [LibraryImport(Library)]
    public static partial int LGBM_BoosterFree(IntPtr booster);

    [LibraryImport(Library)]
    private static partial IntPtr LGBM_GetLastError();

    /// <summary>Throws LightGBM's own message when a call failed.</summary>
    public static void Check(int status, string call)
    {
        if (status != 0) throw new InvalidOperationException($"LightGBM {call} failed: {Marshal.PtrToStringUTF8(LGBM_GetLastError())}");
    }
}
