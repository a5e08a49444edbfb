/* Writes a Display P3 ICC profile with LittleCMS 2: DCI-P3 primaries, D65 white point and the
 * sRGB tone curve (IEC 61966-2-1 parametric curve), the colour space Apple devices tag
 * photos with. Debian packages no Display P3 profile, so the fixtures make their own.
 *
 *   make_p3_icc OUT.icc
 *
 * Part of scripts/make-image-fixtures.sh. The generated profile carries no copyright. */
#include <lcms2.h>
#include <stdio.h>
#include <stdlib.h>

int main(int argc, char **argv) {
    if (argc != 2) { fprintf(stderr, "usage: make_p3_icc OUT.icc\n"); return 2; }
    cmsCIExyY d65 = {0.3127, 0.3290, 1.0};
    cmsCIExyYTRIPLE p3 = {{0.680, 0.320, 1.0}, {0.265, 0.690, 1.0}, {0.150, 0.060, 1.0}};
    /* Type 4: Y = (a*X + b)^g for X >= d, Y = c*X below: the sRGB curve. */
    cmsFloat64Number srgb[5] = {2.4, 1.0 / 1.055, 0.055 / 1.055, 1.0 / 12.92, 0.04045};
    cmsToneCurve *trc = cmsBuildParametricToneCurve(NULL, 4, srgb);
    cmsToneCurve *curves[3] = {trc, trc, trc};
    cmsHPROFILE h = cmsCreateRGBProfile(&d65, &p3, curves);
    if (!h) return 1;
    cmsSetProfileVersion(h, 4.3);
    cmsMLU *desc = cmsMLUalloc(NULL, 1), *cprt = cmsMLUalloc(NULL, 1);
    cmsMLUsetASCII(desc, "en", "US", "Display P3");
    cmsMLUsetASCII(cprt, "en", "US", "No copyright, use freely");
    cmsWriteTag(h, cmsSigProfileDescriptionTag, desc);
    cmsWriteTag(h, cmsSigCopyrightTag, cprt);
    cmsSetHeaderRenderingIntent(h, INTENT_PERCEPTUAL);
    /* Save to memory and pin the header's creation date (bytes 24..35, six big-endian
     * uint16: 2024-01-01 00:00:00) so that the profile is byte-for-byte reproducible. */
    cmsUInt32Number len = 0;
    if (!cmsSaveProfileToMem(h, NULL, &len)) return 1;
    unsigned char *buf = malloc(len);
    if (!cmsSaveProfileToMem(h, buf, &len)) return 1;
    const unsigned short date[6] = {2024, 1, 1, 0, 0, 0};
    for (int i = 0; i < 6; i++) {
        buf[24 + 2 * i] = (unsigned char)(date[i] >> 8);
        buf[25 + 2 * i] = (unsigned char)(date[i] & 0xff);
    }
    FILE *f = fopen(argv[1], "wb");
    if (!f || fwrite(buf, 1, len, f) != len || fclose(f) != 0) { perror(argv[1]); return 1; }
    free(buf);
    cmsMLUfree(desc);
    cmsMLUfree(cprt);
    cmsFreeToneCurve(trc);
    cmsCloseProfile(h);
    return 0;
}
