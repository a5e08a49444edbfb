/* Converts raw pixels between colour spaces with LittleCMS 2 (the system liblcms2).
 *
 *   lcms_xform IN_PROFILE IN_FMT OUT_PROFILE OUT_FMT INTENT NPIXELS < in.raw > out.raw
 *
 * PROFILE: a path to an .icc file, or "*srgb" for LittleCMS's built-in sRGB IEC61966-2.1
 *          (cmsCreate_sRGBProfile) with its header version set to 2.1, or "*srgb-v4" for the
 *          same profile left at v4.3. LittleCMS forces black-point compensation for the
 *          perceptual and saturation intents when a profile of the chain is v4; "*srgb" avoids
 *          that (moxcms does no black-point compensation).
 * FMT:     rgb8 | rgb16 (native-endian uint16) | cmyk8 (0 = no ink, 255 = full ink).
 * INTENT:  0 perceptual, 1 relative colorimetric, 2 saturation, 3 absolute colorimetric.
 * Flags are 0: no black-point compensation, default optimisation.
 * Part of scripts/make-image-fixtures.sh. */
#include <lcms2.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static cmsHPROFILE open_profile(const char *p) {
    cmsHPROFILE h;
    if (strcmp(p, "*srgb") == 0) {
        h = cmsCreate_sRGBProfile();
        if (h) cmsSetProfileVersion(h, 2.1);
    } else if (strcmp(p, "*srgb-v4") == 0) {
        h = cmsCreate_sRGBProfile();
    } else {
        h = cmsOpenProfileFromFile(p, "r");
    }
    if (!h) { fprintf(stderr, "lcms_xform: cannot open profile %s\n", p); exit(2); }
    return h;
}

static cmsUInt32Number fmt(const char *f, size_t *bpp) {
    if (strcmp(f, "rgb8") == 0) { *bpp = 3; return TYPE_RGB_8; }
    if (strcmp(f, "rgb16") == 0) { *bpp = 6; return TYPE_RGB_16; }
    if (strcmp(f, "cmyk8") == 0) { *bpp = 4; return TYPE_CMYK_8; }
    fprintf(stderr, "lcms_xform: unknown format %s\n", f);
    exit(2);
}

int main(int argc, char **argv) {
    if (argc != 7) {
        fprintf(stderr, "usage: lcms_xform IN_PROFILE IN_FMT OUT_PROFILE OUT_FMT INTENT NPIXELS\n");
        return 2;
    }
    size_t ibpp, obpp;
    cmsUInt32Number ifmt = fmt(argv[2], &ibpp), ofmt = fmt(argv[4], &obpp);
    cmsHPROFILE in = open_profile(argv[1]), out = open_profile(argv[3]);
    cmsUInt32Number intent = (cmsUInt32Number)atoi(argv[5]);
    size_t n = (size_t)atol(argv[6]);
    cmsHTRANSFORM t = cmsCreateTransform(in, ifmt, out, ofmt, intent, 0);
    if (!t) { fprintf(stderr, "lcms_xform: cannot create transform\n"); return 1; }
    unsigned char *src = malloc(n * ibpp), *dst = malloc(n * obpp);
    if (fread(src, ibpp, n, stdin) != n) { fprintf(stderr, "lcms_xform: short input\n"); return 1; }
    cmsDoTransform(t, src, dst, (cmsUInt32Number)n);
    fwrite(dst, obpp, n, stdout);
    cmsDeleteTransform(t);
    cmsCloseProfile(in);
    cmsCloseProfile(out);
    return 0;
}
