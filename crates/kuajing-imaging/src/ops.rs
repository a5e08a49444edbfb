//! Pixel analysis for the slot geometry: finding a plain border to trim, and the busiest window
//! for an attention crop.

use image::RgbImage;

/// A rectangle of an image, in its pixels.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Region {
    pub x: u32,
    pub y: u32,
    pub w: u32,
    pub h: u32,
}

impl Region {
    pub fn whole(w: u32, h: u32) -> Self {
        Region { x: 0, y: 0, w, h }
    }

    pub fn as_crop(self) -> (f64, f64, f64, f64) {
        (
            f64::from(self.x),
            f64::from(self.y),
            f64::from(self.w),
            f64::from(self.h),
        )
    }
}

/// The box around whatever is not border, and the border colour; `None` when the whole image
/// is border (a blank photo).
///
/// The border colour is the per-channel median of the four corners. A pixel is content when any
/// channel is more than `tolerance` away from it. A row or column counts as content only when
/// enough of its pixels are (1 in 400, at least 2), so sensor noise and dust on a white sheet do
/// not stop the trim. This is what libvips' `find_trim` does with its median filter, without the
/// filter pass.
pub(crate) fn trim_box(image: &RgbImage, tolerance: u8) -> Option<(Region, [u8; 3])> {
    let (w, h) = image.dimensions();
    if w == 0 || h == 0 {
        return None;
    }
    let corners = [
        image.get_pixel(0, 0).0,
        image.get_pixel(w - 1, 0).0,
        image.get_pixel(0, h - 1).0,
        image.get_pixel(w - 1, h - 1).0,
    ];
    let mut border = [0u8; 3];
    for (c, b) in border.iter_mut().enumerate() {
        let mut v: Vec<u8> = corners.iter().map(|p| p[c]).collect();
        v.sort_unstable();
        // Median of four: the mean of the middle two.
        *b = ((u16::from(v[1]) + u16::from(v[2])) / 2) as u8;
    }
    let mut row_hits = vec![0u32; h as usize];
    let mut col_hits = vec![0u32; w as usize];
    for (y, row) in image.as_raw().chunks_exact(w as usize * 3).enumerate() {
        for (x, p) in row.chunks_exact(3).enumerate() {
            let content = p[0].abs_diff(border[0]) > tolerance
                || p[1].abs_diff(border[1]) > tolerance
                || p[2].abs_diff(border[2]) > tolerance;
            if content {
                row_hits[y] += 1;
                col_hits[x] += 1;
            }
        }
    }
    let row_min = (w / 400).max(2).min(w);
    let col_min = (h / 400).max(2).min(h);
    let top = row_hits.iter().position(|&n| n >= row_min)?;
    let bottom = row_hits.iter().rposition(|&n| n >= row_min)?;
    let left = col_hits.iter().position(|&n| n >= col_min)?;
    let right = col_hits.iter().rposition(|&n| n >= col_min)?;
    let region = Region {
        x: left as u32,
        y: top as u32,
        w: (right - left + 1) as u32,
        h: (bottom - top + 1) as u32,
    };
    Some((region, border))
}

/// Where to put a `win_w` x `win_h` window inside `region` (offsets from its corner) so that it
/// holds the most "interest": luma edges plus colour saturation, measured on a small copy. Only
/// the axis with room to move is searched; ties keep the centre.
pub(crate) fn attention_offset(
    image: &RgbImage,
    region: Region,
    win_w: f64,
    win_h: f64,
) -> (f64, f64) {
    let centre = (
        (f64::from(region.w) - win_w) / 2.0,
        (f64::from(region.h) - win_h) / 2.0,
    );
    // Sample the region on a grid of at most 128 cells a side.
    let step = (region.w.max(region.h) / 128).max(1);
    let gw = (region.w / step).max(1) as usize;
    let gh = (region.h / step).max(1) as usize;
    let sample = |gx: usize, gy: usize| {
        let x = region.x + (gx as u32 * step).min(region.w - 1);
        let y = region.y + (gy as u32 * step).min(region.h - 1);
        image.get_pixel(x, y).0
    };
    let luma =
        |p: [u8; 3]| (299 * u32::from(p[0]) + 587 * u32::from(p[1]) + 114 * u32::from(p[2])) / 1000;
    let mut score = vec![0u64; gw * gh];
    for gy in 0..gh {
        for gx in 0..gw {
            let p = sample(gx, gy);
            let l = luma(p);
            let right = luma(sample((gx + 1).min(gw - 1), gy));
            let down = luma(sample(gx, (gy + 1).min(gh - 1)));
            let edge = l.abs_diff(right) + l.abs_diff(down);
            let max = p.iter().copied().max().unwrap_or(0);
            let min = p.iter().copied().min().unwrap_or(0);
            let saturation = u32::from(max - min);
            score[gy * gw + gx] = u64::from(edge * 2 + saturation);
        }
    }
    let cells = |v: f64, total: u32, cells: usize| {
        ((v / f64::from(total)) * cells as f64)
            .round()
            .clamp(1.0, cells as f64) as usize
    };
    let ww = cells(win_w, region.w, gw);
    let wh = cells(win_h, region.h, gh);
    if (f64::from(region.w) - win_w) >= (f64::from(region.h) - win_h) {
        // Horizontal room: column sums, best run of `ww` columns.
        let cols: Vec<u64> = (0..gw)
            .map(|x| (0..gh).map(|y| score[y * gw + x]).sum())
            .collect();
        let best = best_run(&cols, ww);
        let ox = best as f64 / gw as f64 * f64::from(region.w);
        (ox.clamp(0.0, f64::from(region.w) - win_w), centre.1)
    } else {
        let rows: Vec<u64> = (0..gh)
            .map(|y| score[y * gw..(y + 1) * gw].iter().sum())
            .collect();
        let best = best_run(&rows, wh);
        let oy = best as f64 / gh as f64 * f64::from(region.h);
        (centre.0, oy.clamp(0.0, f64::from(region.h) - win_h))
    }
}

/// Start of the run of `len` values with the largest sum; the most central one among equals.
fn best_run(values: &[u64], len: usize) -> usize {
    if len >= values.len() {
        return 0;
    }
    let mut sum: u64 = values[..len].iter().sum();
    let mid = (values.len() - len) as f64 / 2.0;
    let mut best = (sum, 0usize);
    for start in 1..=values.len() - len {
        sum = sum + values[start + len - 1] - values[start - 1];
        let closer = (start as f64 - mid).abs() < (best.1 as f64 - mid).abs();
        if sum > best.0 || (sum == best.0 && closer) {
            best = (sum, start);
        }
    }
    best.1
}

#[cfg(test)]
mod tests {
    use super::*;
    use image::Rgb;

    fn white_with_square(w: u32, h: u32, sq: Region) -> RgbImage {
        RgbImage::from_fn(w, h, |x, y| {
            let inside = x >= sq.x && x < sq.x + sq.w && y >= sq.y && y < sq.y + sq.h;
            if inside {
                Rgb([200, 30, 40])
            } else {
                // Noisy paper: 246..=255.
                let n = ((x * 7 + y * 13) % 10) as u8;
                Rgb([255 - n, 254 - n / 2, 255 - n])
            }
        })
    }

    #[test]
    fn trim_finds_the_product_on_noisy_white() {
        let sq = Region {
            x: 30,
            y: 50,
            w: 40,
            h: 20,
        };
        let image = white_with_square(200, 100, sq);
        let (region, border) = trim_box(&image, 16).unwrap_or((Region::whole(0, 0), [0; 3]));
        assert_eq!(region, sq);
        assert!(border.iter().all(|&c| c >= 245), "{border:?}");
        // With no tolerance the noise is content: nothing is trimmed.
        let (strict, _) = trim_box(&image, 0).unwrap_or((Region::whole(0, 0), [0; 3]));
        assert_eq!(strict, Region::whole(200, 100));
    }

    #[test]
    fn a_blank_image_has_nothing_to_keep() {
        let blank = RgbImage::from_pixel(10, 10, Rgb([255, 255, 255]));
        assert_eq!(trim_box(&blank, 10), None);
    }

    #[test]
    fn a_lone_speck_of_dust_is_not_content() {
        let mut image = white_with_square(
            100,
            100,
            Region {
                x: 40,
                y: 40,
                w: 20,
                h: 20,
            },
        );
        image.put_pixel(3, 3, Rgb([0, 0, 0]));
        let (region, _) = trim_box(&image, 16).unwrap_or((Region::whole(0, 0), [0; 3]));
        assert_eq!((region.x, region.y, region.w, region.h), (40, 40, 20, 20));
    }

    #[test]
    fn attention_moves_the_window_to_the_product() {
        // A wide plain image with a busy patch near the right edge.
        let image = RgbImage::from_fn(400, 100, |x, y| {
            if (300..380).contains(&x) {
                if (x + y) % 4 < 2 {
                    Rgb([250, 20, 20])
                } else {
                    Rgb([10, 10, 200])
                }
            } else {
                Rgb([128, 128, 128])
            }
        });
        let (ox, oy) = attention_offset(&image, Region::whole(400, 100), 100.0, 100.0);
        assert!((280.0..=300.0).contains(&ox), "{ox}");
        assert_eq!(oy, 0.0);
        // A plain image keeps the centre.
        let plain = RgbImage::from_pixel(400, 100, Rgb([128, 128, 128]));
        let (ox, _) = attention_offset(&plain, Region::whole(400, 100), 100.0, 100.0);
        assert!((ox - 150.0).abs() <= 4.0, "{ox}");
    }
}
