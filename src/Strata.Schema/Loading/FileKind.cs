using System;
using System.IO;
using System.Runtime.InteropServices;

namespace Strata.Schema.Loading
{
    /// <summary>
    /// Tells a regular file from a FIFO, a device or a socket before it is read. Reading a FIFO waits
    /// for a writer that may never come, and a device such as <c>/dev/zero</c> never ends, so a path
    /// that is not a regular file is refused with a message instead. .NET exposes no file type (its
    /// file attributes call all of these "Normal"), so this asks the runtime's own native shim
    /// (System.Native, present wherever .NET runs on Unix) for the file's mode; the shim's status
    /// record starts with two 32-bit fields, flags and mode, whose type bits the shim fixes on every
    /// Unix. Where the call is not available the type is unknown and the file is read as before.
    /// </summary>
    internal static class FileKind
    {
        private const int TypeMask = 0xF000;
        private const int Regular = 0x8000;
        private const int Directory = 0x4000;
        private const int Fifo = 0x1000;
        private const int CharacterDevice = 0x2000;
        private const int BlockDevice = 0x6000;
        private const int Socket = 0xC000;

        /// <summary>
        /// Null when <paramref name="path"/> is a regular file (following symbolic links) or its type
        /// cannot be told; else what it is, as in "a FIFO (named pipe)", for a message.
        /// </summary>
        public static string? NotRegular(string path)
        {
            if (RuntimeInformation.IsOSPlatform(OSPlatform.Windows)) return null;
            int mode;
            try
            {
                // A NUL-terminated UTF-8 path: netstandard2.0 has no UTF-8 string marshalling.
                var utf8 = System.Text.Encoding.UTF8.GetBytes(path + "\0");
                if (NativeMethods.Stat(utf8, out var status) != 0) return null; // missing or unreadable: the read says why
                mode = status.Mode & TypeMask;
            }
            catch (Exception e) when (e is DllNotFoundException || e is EntryPointNotFoundException)
            {
                return null;
            }
            switch (mode)
            {
                case Regular: return null;
                case Directory: return "a folder";
                case Fifo: return "a FIFO (named pipe)";
                case CharacterDevice: return "a character device";
                case BlockDevice: return "a block device";
                case Socket: return "a socket";
                default: return "not a regular file";
            }
        }

        /// <summary>Throws an <see cref="IOException"/> naming <paramref name="shownPath"/> when <paramref name="path"/> is not a regular file.</summary>
        public static void RequireRegular(string path, string shownPath)
        {
            var kind = NotRegular(path);
            if (kind != null)
                throw new IOException($"{shownPath} is {kind}, not a regular file, so it is not read (it could block or never end).");
        }

        private static class NativeMethods
        {
            /// <summary>The first fields of System.Native's FileStatus; the rest of the record is room it may fill.</summary>
            [StructLayout(LayoutKind.Sequential, Size = 512)]
            public struct FileStatus
            {
                public int Flags;
                public int Mode;
            }

            [DllImport("libSystem.Native", EntryPoint = "SystemNative_Stat")]
            [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
            public static extern int Stat(byte[] path, out FileStatus status);
        }
    }
}
