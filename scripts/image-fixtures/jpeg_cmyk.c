/* Writes a 4-channel JPEG the way Adobe Photoshop does: Adobe APP14 marker, no JFIF marker,
 * inverted CMYK samples (255 = no ink), no chroma subsampling, optionally an embedded ICC
 * profile in APP2 ICC_PROFILE markers.
 *
 *   jpeg_cmyk WIDTH HEIGHT QUALITY cmyk|ycck ICC|- < ink.raw > out.jpg
 *
 * ink.raw holds WIDTH*HEIGHT*4 bytes C,M,Y,K with 0 = no ink, 255 = full ink.
 * "cmyk" stores the channels as they are (APP14 transform 0); "ycck" stores YCCK
 * (APP14 transform 2), libjpeg's JCS_YCCK. Part of scripts/make-image-fixtures.sh. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <jpeglib.h>

int main(int argc, char **argv) {
    if (argc != 6) { fprintf(stderr, "usage: jpeg_cmyk W H QUALITY cmyk|ycck ICC|-\n"); return 2; }
    int w = atoi(argv[1]), h = atoi(argv[2]), q = atoi(argv[3]);
    int ycck = strcmp(argv[4], "ycck") == 0;
    size_t n = (size_t)w * h * 4;
    unsigned char *px = malloc(n);
    if (fread(px, 1, n, stdin) != n) { fprintf(stderr, "jpeg_cmyk: short input\n"); return 1; }
    for (size_t i = 0; i < n; i++) px[i] = 255 - px[i]; /* Adobe's inverted CMYK */

    unsigned char *icc = NULL;
    long icc_len = 0;
    if (strcmp(argv[5], "-") != 0) {
        FILE *f = fopen(argv[5], "rb");
        if (!f) { perror(argv[5]); return 1; }
        fseek(f, 0, SEEK_END);
        icc_len = ftell(f);
        fseek(f, 0, SEEK_SET);
        icc = malloc(icc_len);
        if (fread(icc, 1, icc_len, f) != (size_t)icc_len) return 1;
        fclose(f);
    }

    struct jpeg_compress_struct c;
    struct jpeg_error_mgr err;
    c.err = jpeg_std_error(&err);
    jpeg_create_compress(&c);
    jpeg_stdio_dest(&c, stdout);
    c.image_width = w;
    c.image_height = h;
    c.input_components = 4;
    c.in_color_space = JCS_CMYK;
    jpeg_set_defaults(&c);
    jpeg_set_colorspace(&c, ycck ? JCS_YCCK : JCS_CMYK); /* sets write_Adobe_marker, no JFIF */
    for (int i = 0; i < 4; i++) c.comp_info[i].h_samp_factor = c.comp_info[i].v_samp_factor = 1;
    jpeg_set_quality(&c, q, TRUE);
    c.optimize_coding = TRUE;
    jpeg_start_compress(&c, TRUE);
    if (icc) jpeg_write_icc_profile(&c, icc, (unsigned int)icc_len);
    while (c.next_scanline < c.image_height) {
        JSAMPROW row = px + (size_t)c.next_scanline * w * 4;
        jpeg_write_scanlines(&c, &row, 1);
    }
    jpeg_finish_compress(&c);
    jpeg_destroy_compress(&c);
    return 0;
}
