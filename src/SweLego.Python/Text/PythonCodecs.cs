using System.Text;

namespace SweLego.Python.Text;

/// <summary>
/// Python's codec names and aliases (from <c>encodings.aliases</c>), mapped to .NET code pages, so
/// a coding cookie resolves exactly as <c>codecs.lookup</c> would: a name Python does not know is
/// an error even if .NET would accept it.
/// </summary>
internal static class PythonCodecs
{
    // alias=codepage; 0 marks a codec Python has but .NET does not provide.
    private const string Table =
        "037=37 1026=1026 1125=0 1140=1140 1250=1250 1251=1251 1252=1252 1253=1253 1254=1254 1255=1255 1256=1256 " +
        "1257=1257 1258=1258 273=20273 424=20424 437=437 500=500 646=20127 775=775 850=850 852=852 855=855 857=857 " +
        "858=858 860=860 861=861 862=862 863=863 864=864 865=865 866=866 869=869 8859=28591 932=932 936=936 949=949 " +
        "950=950 ansi_x3.4_1968=20127 ansi_x3.4_1986=20127 ansi_x3_4_1968=20127 arabic=28596 ascii=20127 " +
        "asmo_708=28596 big5=950 big5_hkscs=0 big5_tw=950 big5hkscs=0 charmap=0 chinese=936 cp037=37 cp1006=0 " +
        "cp1026=1026 cp1051=0 cp1125=0 cp1140=1140 cp1250=1250 cp1251=1251 cp1252=1252 cp1253=1253 cp1254=1254 " +
        "cp1255=1255 cp1256=1256 cp1257=1257 cp1258=1258 cp1361=1361 cp154=0 cp273=20273 cp367=20127 cp424=20424 " +
        "cp437=437 cp500=500 cp65001=65001 cp720=720 cp737=737 cp775=775 cp819=28591 cp850=850 cp852=852 cp855=855 " +
        "cp856=0 cp857=857 cp858=858 cp860=860 cp861=861 cp862=862 cp863=863 cp864=864 cp865=865 cp866=866 cp866u=0 " +
        "cp869=869 cp874=874 cp875=875 cp932=932 cp936=936 cp949=949 cp950=950 cp_gr=869 cp_is=861 csHPRoman8=0 " +
        "csascii=20127 csbig5=950 csibm037=37 csibm1026=1026 csibm273=20273 csibm424=20424 csibm500=500 csibm855=855 " +
        "csibm857=857 csibm858=858 csibm860=860 csibm861=861 csibm863=863 csibm864=864 csibm865=865 csibm866=866 " +
        "csibm869=869 csiso2022jp=50220 csiso2022kr=50225 csiso58gb231280=936 csisolatin1=28591 csisolatin2=28592 " +
        "csisolatin3=28593 csisolatin4=28594 csisolatin5=28599 csisolatin6=0 csisolatinarabic=28596 " +
        "csisolatincyrillic=28595 csisolatingreek=28597 csisolatinhebrew=28598 cskoi8r=20866 cspc775baltic=775 " +
        "cspc850multilingual=850 cspc862latinhebrew=862 cspc8codepage437=437 cspcp852=852 csptcp154=0 csshiftjis=932 " +
        "cyrillic=28595 cyrillic_asian=0 ebcdic_cp_be=500 ebcdic_cp_ca=37 ebcdic_cp_ch=500 ebcdic_cp_he=20424 " +
        "ebcdic_cp_nl=37 ebcdic_cp_us=37 ebcdic_cp_wt=37 ecma_114=28596 ecma_118=28597 elot_928=28597 euc_cn=936 " +
        "euc_jis2004=0 euc_jis_2004=0 euc_jisx0213=0 euc_jp=51932 euc_kr=51949 euccn=936 eucgb2312_cn=936 eucjis2004=0 " +
        "eucjisx0213=0 eucjp=51932 euckr=51949 gb18030=54936 gb18030_2000=54936 gb2312=936 gb2312_1980=936 " +
        "gb2312_80=936 gbk=936 greek=28597 greek8=28597 hebrew=28598 hkscs=0 hp_roman8=0 hz=52936 hz_gb=52936 " +
        "hz_gb_2312=52936 hzgb=52936 ibm037=37 ibm039=37 ibm1026=1026 ibm1051=0 ibm1125=0 ibm1140=1140 ibm273=20273 " +
        "ibm367=20127 ibm424=20424 ibm437=437 ibm500=500 ibm775=775 ibm819=28591 ibm850=850 ibm852=852 ibm855=855 " +
        "ibm857=857 ibm858=858 ibm860=860 ibm861=861 ibm862=862 ibm863=863 ibm864=864 ibm865=865 ibm866=866 ibm869=869 " +
        "idna=0 iso2022_jp=50220 iso2022_jp_1=0 iso2022_jp_2=0 iso2022_jp_2004=0 iso2022_jp_3=0 iso2022_jp_ext=0 " +
        "iso2022_kr=50225 iso2022jp=50220 iso2022jp_1=0 iso2022jp_2=0 iso2022jp_2004=0 iso2022jp_3=0 iso2022jp_ext=0 " +
        "iso2022kr=50225 iso646_us=20127 iso8859=28591 iso8859_1=28591 iso8859_10=0 iso8859_11=0 iso8859_13=28603 " +
        "iso8859_14=0 iso8859_15=28605 iso8859_16=0 iso8859_2=28592 iso8859_3=28593 iso8859_4=28594 iso8859_5=28595 " +
        "iso8859_6=28596 iso8859_7=28597 iso8859_8=28598 iso8859_9=28599 iso_2022_jp=50220 iso_2022_jp_1=0 " +
        "iso_2022_jp_2=0 iso_2022_jp_2004=0 iso_2022_jp_3=0 iso_2022_jp_ext=0 iso_2022_kr=50225 iso_646.irv_1991=20127 " +
        "iso_8859_1=28591 iso_8859_10=0 iso_8859_10_1992=0 iso_8859_11=0 iso_8859_11_2001=0 iso_8859_13=28603 " +
        "iso_8859_14=0 iso_8859_14_1998=0 iso_8859_15=28605 iso_8859_16=0 iso_8859_16_2001=0 iso_8859_1_1987=28591 " +
        "iso_8859_2=28592 iso_8859_2_1987=28592 iso_8859_3=28593 iso_8859_3_1988=28593 iso_8859_4=28594 " +
        "iso_8859_4_1988=28594 iso_8859_5=28595 iso_8859_5_1988=28595 iso_8859_6=28596 iso_8859_6_1987=28596 " +
        "iso_8859_7=28597 iso_8859_7_1987=28597 iso_8859_8=28598 iso_8859_8_1988=28598 iso_8859_9=28599 " +
        "iso_8859_9_1989=28599 iso_celtic=0 iso_ir_100=28591 iso_ir_101=28592 iso_ir_109=28593 iso_ir_110=28594 " +
        "iso_ir_126=28597 iso_ir_127=28596 iso_ir_138=28598 iso_ir_144=28595 iso_ir_148=28599 iso_ir_157=0 " +
        "iso_ir_166=874 iso_ir_199=0 iso_ir_226=0 iso_ir_58=936 iso_ir_6=20127 jisx0213=0 johab=1361 koi8_r=20866 " +
        "koi8_t=0 koi8_u=21866 korean=51949 ks_c_5601=51949 ks_c_5601_1987=51949 ks_x_1001=51949 ksc5601=51949 " +
        "ksx1001=51949 kz1048=0 kz_1048=0 l1=28591 l10=0 l2=28592 l3=28593 l4=28594 l5=28599 l6=0 l7=28603 l8=0 " +
        "l9=28605 latin=28591 latin1=28591 latin10=0 latin2=28592 latin3=28593 latin4=28594 latin5=28599 latin6=0 " +
        "latin7=28603 latin8=0 latin9=28605 latin_1=28591 mac_arabic=10004 mac_centeuro=10029 mac_croatian=10082 " +
        "mac_cyrillic=10007 mac_farsi=0 mac_greek=10006 mac_iceland=10079 mac_latin2=10029 mac_roman=10000 " +
        "mac_romanian=10010 mac_turkish=10081 maccentraleurope=10029 maccyrillic=10007 macgreek=10006 maciceland=10079 " +
        "macintosh=10000 maclatin2=10029 macroman=10000 macturkish=10081 ms1361=1361 ms932=932 ms936=936 ms949=949 " +
        "ms950=950 ms_kanji=932 mskanji=932 palmos=0 pt154=0 ptcp154=0 punycode=0 r8=0 raw_unicode_escape=0 rk1048=0 " +
        "roman8=0 ruscii=0 s_jis=932 s_jis_2004=0 s_jisx0213=0 shift_jis=932 shift_jis_2004=0 shift_jisx0213=0 " +
        "shiftjis=932 shiftjis2004=0 shiftjisx0213=0 sjis=932 sjis_2004=0 sjisx0213=0 strk1048_2002=0 thai=0 " +
        "tis620=874 tis_620=874 tis_620_0=874 tis_620_2529_0=874 tis_620_2529_1=874 u16=1200 u32=12000 u7=65000 " +
        "u8=65001 u_jis=51932 uhc=949 ujis=51932 undefined=0 unicode_1_1_utf_7=65000 unicode_escape=0 " +
        "unicodebigunmarked=1201 unicodelittleunmarked=1200 us=20127 us_ascii=20127 utf=65001 utf16=1200 utf32=12000 " +
        "utf7=65000 utf8=65001 utf8_ucs2=65001 utf8_ucs4=65001 utf_16=1200 utf_16_be=1201 utf_16_le=1200 utf_16be=1201 " +
        "utf_16le=1200 utf_32=12000 utf_32_be=12001 utf_32_le=12000 utf_32be=12001 utf_32le=12000 utf_7=65000 " +
        "utf_8=65001 utf_8_sig=65001 windows_1250=1250 windows_1251=1251 windows_1252=1252 windows_1253=1253 " +
        "windows_1254=1254 windows_1255=1255 windows_1256=1256 windows_1257=1257 windows_1258=1258 x_mac_japanese=932 " +
        "x_mac_korean=51949 x_mac_simp_chinese=936 x_mac_trad_chinese=950" +
        "";

    // Bytes Python's single-byte codecs leave undefined although .NET maps them (cp1252's 0x81...):
    // "page:hex-bytes;..." generated from CPython's codec tables.
    private const string UndefinedTable =
        "857:D5E7F2;864:9B9C9FA6A7FF;869:808182838485879394;874:81828384868788898A8B8C8D8E8F9098999A9B9C9D9E9" +
        "FDBDCDDDEFCFDFEFF;1250:8183889098;1251:98;1252:818D8F909D;1253:81888A8C8D8E8F90989A9C9D9E9FAAD2FF;12" +
        "54:818D8E8F909D9E;1255:818A8C8D8E8F909A9C9D9E9FCAD9DADBDCDDDEDFFBFCFF;1257:8183888A8C90989A9C9FA1A5;" +
        "1258:818A8D8E8F909A9D9E;20424:707273757677808C8D8E9A9B9C9EAAABACADAECBCCCDCECFDBDCDDDEDFEBECEDEEEFFB" +
        "FCFDFE;28593:A5AEBEC3D0E3F0;28596:A1A2A3A5A6A7A8A9AAABAEAFB0B1B2B3B4B5B6B7B8B9BABCBDBEC0DBDCDDDEDFF3" +
        "F4F5F6F7F8F9FAFBFCFDFEFF;28597:AED2FF;28598:A1BFC0C1C2C3C4C5C6C7C8C9CACBCCCDCECFD0D1D2D3D4D5D6D7D8D9" +
        "DADBDCDDDEFBFCFF";

    private static readonly Dictionary<int, bool[]> Undefined = UndefinedTable.Split(';')
        .Select(entry => entry.Split(':'))
        .ToDictionary(
            parts => int.Parse(parts[0], System.Globalization.CultureInfo.InvariantCulture),
            parts =>
            {
                var set = new bool[256];
                foreach (byte b in Convert.FromHexString(parts[1]))
                {
                    set[b] = true;
                }

                return set;
            });

    private static readonly Dictionary<string, int> Pages = Table.Split(' ', StringSplitOptions.RemoveEmptyEntries)
        .Select(entry => entry.Split('='))
        .ToDictionary(parts => parts[0], parts => int.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture), StringComparer.Ordinal);

    /// <summary>Looks a codec up; false when Python does not know the name.</summary>
    public static bool TryLookup(string name, out Encoding? encoding)
    {
        encoding = null;
        string normal = Normalize(name);
        if (!Pages.TryGetValue(normal, out int page) && !Pages.TryGetValue(normal.Replace('.', '_'), out page))
        {
            return false;
        }

        if (page == 0)
        {
            return true;
        }

        Encoding? found = page switch
        {
            65001 => new UTF8Encoding(false),
            28591 => Encoding.Latin1,
            20127 => Encoding.ASCII,
            1200 or 1201 or 12000 or 12001 => Encoding.GetEncoding(page),
            _ => CodePagesEncodingProvider.Instance.GetEncoding(page),
        };
        if (found is not null)
        {
            // Strict both ways: a byte the codec cannot decode is a syntax error, as in CPython.
            var strict = (Encoding)found.Clone();
            strict.EncoderFallback = EncoderFallback.ExceptionFallback;
            strict.DecoderFallback = DecoderFallback.ExceptionFallback;
            encoding = strict;
        }

        return true;
    }

    // encodings.normalize_encoding after codecs.lookup's lower-casing.
    private static string Normalize(string name)
    {
        var builder = new StringBuilder(name.Length);
        bool pendingUnderscore = false;
        foreach (char c in name.ToLowerInvariant())
        {
            if (char.IsAsciiLetterOrDigit(c) || c == '.')
            {
                if (pendingUnderscore && builder.Length > 0)
                {
                    builder.Append('_');
                }

                pendingUnderscore = false;
                builder.Append(c);
            }
            else
            {
                pendingUnderscore = true;
            }
        }

        return builder.ToString();
    }

    /// <summary>The first byte Python's codec for <paramref name="codePage"/> cannot decode, or -1.</summary>
    public static int FindUndefinedByte(int codePage, ReadOnlySpan<byte> bytes)
    {
        if (!Undefined.TryGetValue(codePage, out var set))
        {
            return -1;
        }

        for (int i = 0; i < bytes.Length; i++)
        {
            if (set[bytes[i]])
            {
                return i;
            }
        }

        return -1;
    }
}
