//! Pictures of the drills (issue 21), made from their data: each key position's posture and
//! joint angles are turned into a stick figure by forward kinematics in 3-D, seen from the side
//! (flexion and extension) or the front (side-bends, legs apart, side-lying), with the props
//! the position names (floor, chair, desk, wall, door frame, step). No drawing is made by hand:
//! a new drill or variant gets its picture from its positions.
//!
//! `canvas` draws figures in the terminal (Braille dots, or ASCII); `svg` draws them for the
//! printable sheet and `drills --svg`.

pub mod canvas;
pub mod svg;

use crate::dataset::{KeyPosition, Load, Posture, Segment, Side, Support};

/// Which way the figure is seen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum View {
    /// From the figure's right side: it faces right. Shows flexion and extension.
    Side,
    /// From in front: the figure's left side is on the right. Shows side-bends and legs apart.
    Front,
    /// From above, head on the left: a person lying on the back or front, knees rolling or
    /// legs apart.
    Above,
}

/// A point of a drawing, in centimetres of a 170 cm body; `y` up.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Point {
    pub x: f32,
    pub y: f32,
}

/// A stroke of a drawing.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Line {
    pub from: Point,
    pub to: Point,
    pub kind: Stroke,
}

/// What a stroke draws, lightest first: where strokes cross, the heavier is shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Stroke {
    /// Floor, chair, desk, wall, door frame or step.
    Prop,
    /// A part of the body that stays still between the drill's positions.
    Body,
    /// A part of the body that moves: drawn heavier (and in colour when colour is on).
    Moving,
}

/// One key position, drawn.
#[derive(Debug, Clone, PartialEq)]
pub struct Figure {
    pub lines: Vec<Line>,
    /// The head: its centre and radius.
    pub head: (Point, f32),
    /// Whether the head moves between positions.
    pub head_moves: bool,
    /// The position's name ("start", "rounded").
    pub name: &'static str,
}

impl Figure {
    /// The smallest box holding every stroke and the head: (min x, min y, max x, max y).
    pub fn bounds(&self) -> (f32, f32, f32, f32) {
        let (centre, radius) = self.head;
        let mut bounds = (centre.x - radius, centre.y - radius, centre.x + radius, centre.y + radius);
        for line in &self.lines {
            for point in [line.from, line.to] {
                bounds = (bounds.0.min(point.x), bounds.1.min(point.y), bounds.2.max(point.x), bounds.3.max(point.y));
            }
        }
        bounds
    }
}

/// The box that holds all of `figures`, so a drill's positions share one scale.
pub fn bounds(figures: &[Figure]) -> (f32, f32, f32, f32) {
    figures
        .iter()
        .map(Figure::bounds)
        .fold((f32::MAX, f32::MAX, f32::MIN, f32::MIN), |a, b| (a.0.min(b.0), a.1.min(b.1), a.2.max(b.2), a.3.max(b.3)))
}

/// The view that shows a drill's movement (its key `positions`) best: from the front when they
/// differ most in side-bends or legs apart (or the person lies on a side), else from the side.
pub fn view_for(positions: &[KeyPosition]) -> View {
    if positions.iter().any(|position| position.posture == Posture::LyingSide) {
        return View::Front;
    }
    let range = |value: &dyn Fn(&KeyPosition) -> i16| {
        let values = positions.iter().map(value);
        let (low, high) = values.fold((i16::MAX, i16::MIN), |(low, high), v| (low.min(v), high.max(v)));
        if positions.is_empty() {
            0
        } else {
            high - low
        }
    };
    let frontal = [
        range(&|p| p.lumbar.side_bend + p.thoracic.side_bend),
        range(&|p| p.neck.side_bend),
        range(&|p| p.left.hip_abduction),
        range(&|p| p.right.hip_abduction),
        range(&|p| p.left.shoulder_abduction),
        range(&|p| p.right.shoulder_abduction),
        // A turn of the trunk or the head shows from the front (the shoulders narrow, the
        // head turns), not from the side.
        range(&|p| (p.lumbar.rotation + p.thoracic.rotation).abs()),
        range(&|p| p.neck.rotation.abs()),
    ];
    let sagittal = [
        range(&|p| p.lumbar.flexion + p.thoracic.flexion),
        range(&|p| p.neck.flexion),
        range(&|p| p.left.hip_flexion),
        range(&|p| p.right.hip_flexion),
        range(&|p| p.left.knee_flexion),
        range(&|p| p.right.knee_flexion),
        range(&|p| p.left.shoulder_flexion),
        range(&|p| p.right.shoulder_flexion),
        range(&|p| p.left.elbow_flexion),
        range(&|p| p.right.elbow_flexion),
    ];
    // Arms held out to the sides throughout (a doorway stretch's goalpost arms): their shape
    // is the drill, and only the front shows it (from the side they hide behind the trunk).
    let arms_out = positions.iter().all(|p| p.left.shoulder_abduction >= 60 && p.right.shoulder_abduction >= 60);
    if arms_out && !positions.iter().any(|p| matches!(p.posture, Posture::LyingBack | Posture::LyingFront)) {
        return View::Front;
    }
    let most = |ranges: &[i16]| ranges.iter().copied().max().unwrap_or(0);
    let rotation = [range(&|p| p.left.hip_rotation), range(&|p| p.right.hip_rotation)];
    let lying = positions.iter().all(|p| matches!(p.posture, Posture::LyingBack | Posture::LyingFront));
    match (most(&frontal).max(if lying { most(&rotation) } else { 0 }) > most(&sagittal), lying) {
        (true, true) => View::Above,
        (true, false) => View::Front,
        (false, _) => View::Side,
    }
}

/// Every key position of a drill, drawn in `view`, the parts that move between them marked.
pub fn figures(positions: &'static [KeyPosition], view: View) -> Vec<Figure> {
    let bodies: Vec<Body> = positions.iter().map(Body::pose).collect();
    // A segment moves when its direction differs between positions by more than 5 degrees (a
    // pelvic tilt is about 10).
    let limit = libm::cosf(5f32.to_radians());
    let mut moving: Vec<bool> = (0..SEGMENTS)
        .map(|segment| {
            bodies.iter().enumerate().any(|(index, a)| {
                bodies[index + 1..].iter().any(|b| cos_between(a.direction(segment), b.direction(segment)) < limit)
            })
        })
        .collect();
    // A shoulder blade moves the whole arm without turning it (a squeeze, a shoulder roll):
    // the arm and the shoulders move when a shoulder shifts by 2 cm or more against the spine
    // or the other shoulder (drawn back together, the shoulders come closer).
    let shifts = |shoulder: usize| {
        let span = |body: &Body, joint: usize| angle_free_length(sub(body.joints[shoulder], body.joints[joint]));
        [1, 3, 12 + 15 - shoulder].iter().any(|&joint| {
            let spans = bodies.iter().map(|body| span(body, joint));
            let (low, high) = spans.fold((f32::MAX, f32::MIN), |(low, high), v| (low.min(v), high.max(v)));
            high - low >= 2.0
        })
    };
    for (shoulder, arm) in [(12, [9, 10]), (15, [11, 12])] {
        if shifts(shoulder) {
            for segment in arm.into_iter().chain([13]) {
                moving[segment] = true;
            }
        }
    }
    positions.iter().zip(&bodies).map(|(position, body)| body.draw(position, view, &moving)).collect()
}

/// Where the hands pull a leg (`load: hands_pull`), they hold it, whatever the arm angles say:
/// the leg bent most at the hip is hugged just below the knee (a knee to the chest, the free
/// thigh of a figure-4), or, when no hip is bent that far, the leg bent most at the knee is held
/// at the ankle (a standing thigh stretch). A hand on a desk, a wall or a chair stays there; the
/// hand on the pulled leg's side pulls. The elbows bend out to the sides.
fn hands_on_the_pulled_leg(joints: &mut [Vec3; 20], position: &KeyPosition) {
    let (left, right) = (&position.left, &position.right);
    let twist = |limb: &crate::dataset::Limb| limb.hip_abduction.abs() + limb.hip_rotation.abs();
    let hugged = left.hip_flexion.max(right.hip_flexion) >= 45;
    let right_pulled = if hugged {
        (right.hip_flexion, -twist(right)) > (left.hip_flexion, -twist(left))
    } else {
        right.knee_flexion > left.knee_flexion
    };
    let (knee, ankle) = if right_pulled { (joints[9], joints[10]) } else { (joints[5], joints[6]) };
    let along = if hugged { 0.25 } else { 0.95 };
    let grip = [0, 1, 2].map(|axis| knee[axis] + (ankle[axis] - knee[axis]) * along);
    let holding = position
        .support
        .iter()
        .any(|support| matches!(support, Support::Desk | Support::Wall | Support::ChairBack | Support::ChairArms));
    for (side, base, pulled_side) in [(1.0f32, 12, !right_pulled), (-1.0, 15, right_pulled)] {
        if holding && !pulled_side {
            continue;
        }
        // Each hand on its own side of the leg.
        let hand = add(grip, [0.0, 0.0, side * 4.0]);
        let shoulder = joints[base];
        let (elbow, wrist) = reach(shoulder, hand, [0.0, 0.0, side]);
        joints[base + 1] = elbow;
        joints[base + 2] = wrist;
    }
}

/// An arm from `shoulder` toward `hand`: the elbow and the wrist, the elbow bent toward `pole`;
/// a hand out of reach is reached for with a straight arm.
fn reach(shoulder: Vec3, hand: Vec3, pole: Vec3) -> (Vec3, Vec3) {
    let to = [hand[0] - shoulder[0], hand[1] - shoulder[1], hand[2] - shoulder[2]];
    let distance = angle_free_length(to).max(1e-3);
    let unit = to.map(|value| value / distance);
    let at = |along: f32, sideways: f32, across: Vec3| {
        [0, 1, 2].map(|axis| shoulder[axis] + unit[axis] * along + across[axis] * sideways)
    };
    if distance >= UPPER_ARM + FOREARM {
        return (at(UPPER_ARM, 0.0, [0.0; 3]), at(UPPER_ARM + FOREARM, 0.0, [0.0; 3]));
    }
    // The pole's part across the line to the hand.
    let dot = pole[0] * unit[0] + pole[1] * unit[1] + pole[2] * unit[2];
    let across = [0, 1, 2].map(|axis| pole[axis] - dot * unit[axis]);
    let length = angle_free_length(across);
    let across = if length < 1e-3 { [1.0, 0.0, 0.0] } else { across.map(|value| value / length) };
    let along = (UPPER_ARM * UPPER_ARM - FOREARM * FOREARM + distance * distance) / (2.0 * distance);
    let sideways = (UPPER_ARM * UPPER_ARM - along * along).max(0.0).sqrt();
    (at(along, sideways, across), hand)
}

/// Segment lengths, in cm of a 170 cm person.
const PELVIS: f32 = 9.0;
const LUMBAR: f32 = 20.0;
const THORACIC: f32 = 30.0;
const NECK: f32 = 9.0;
const HEAD: f32 = 11.0;
const SHOULDER: f32 = 17.0;
const THIGH: f32 = 43.0;
const SHANK: f32 = 43.0;
const FOOT: f32 = 16.0;
const UPPER_ARM: f32 = 30.0;
const FOREARM: f32 = 27.0;
/// A chair's seat height.
const SEAT: f32 = 46.0;

/// How many segments `BONES` joins; the spine's three come first, the face last.
const SEGMENTS: usize = 15;
const NECK_SEGMENT: usize = 2;
const FACE_SEGMENT: usize = 14;
/// The head's centre, kept with the joints so it is turned and set down with them.
const HEAD_CENTRE: usize = 18;
/// The tip of the nose, so the drawing shows which way the face looks.
const NOSE: usize = 19;

type Vec3 = [f32; 3];
type Mat3 = [[f32; 3]; 3];

fn mul(a: &Mat3, b: &Mat3) -> Mat3 {
    let mut out = [[0.0; 3]; 3];
    for (row, out_row) in out.iter_mut().enumerate() {
        for (column, cell) in out_row.iter_mut().enumerate() {
            *cell = (0..3).map(|k| a[row][k] * b[k][column]).sum();
        }
    }
    out
}

fn apply(m: &Mat3, v: Vec3) -> Vec3 {
    [0, 1, 2].map(|row| m[row][0] * v[0] + m[row][1] * v[1] + m[row][2] * v[2])
}

fn sub(a: Vec3, b: Vec3) -> Vec3 {
    [a[0] - b[0], a[1] - b[1], a[2] - b[2]]
}

fn add(a: Vec3, b: Vec3) -> Vec3 {
    [a[0] + b[0], a[1] + b[1], a[2] + b[2]]
}

/// Rotation about X (forward): takes Y toward Z.
fn rx(degrees: f32) -> Mat3 {
    let (s, c) = (libm::sinf(degrees.to_radians()), libm::cosf(degrees.to_radians()));
    [[1.0, 0.0, 0.0], [0.0, c, -s], [0.0, s, c]]
}

/// Rotation about Y (up): takes Z toward X.
fn ry(degrees: f32) -> Mat3 {
    let (s, c) = (libm::sinf(degrees.to_radians()), libm::cosf(degrees.to_radians()));
    [[c, 0.0, s], [0.0, 1.0, 0.0], [-s, 0.0, c]]
}

/// Rotation about Z (to the figure's left): takes X toward Y.
fn rz(degrees: f32) -> Mat3 {
    let (s, c) = (libm::sinf(degrees.to_radians()), libm::cosf(degrees.to_radians()));
    [[c, -s, 0.0], [s, c, 0.0], [0.0, 0.0, 1.0]]
}

const IDENTITY: Mat3 = [[1.0, 0.0, 0.0], [0.0, 1.0, 0.0], [0.0, 0.0, 1.0]];

fn angle_free_length(v: Vec3) -> f32 {
    (v[0] * v[0] + v[1] * v[1] + v[2] * v[2]).sqrt()
}

/// The cosine of the angle between two directions (compared with a limit's cosine, it needs
/// no arc cosine).
fn cos_between(a: Vec3, b: Vec3) -> f32 {
    let dot: f32 = (0..3).map(|i| a[i] * b[i]).sum();
    let length = |v: Vec3| (v[0] * v[0] + v[1] * v[1] + v[2] * v[2]).sqrt().max(1e-6);
    (dot / (length(a) * length(b))).clamp(-1.0, 1.0)
}

/// A posed body in 3-D: X forward, Y up, Z to the figure's left; the pelvis's centre at the
/// origin before the body is placed.
struct Body {
    /// The joints, in the order: pelvis, lumbar top, thoracic top (between the shoulders),
    /// neck top, left hip, knee, ankle, toe, right hip, knee, ankle, toe, left shoulder, elbow,
    /// wrist, right shoulder, elbow, wrist; then the head's centre.
    joints: [Vec3; 20],
}

/// The pairs of joints each segment joins, by segment number.
const BONES: [(usize, usize); SEGMENTS] = [
    (0, 1),   // lumbar
    (1, 2),   // thoracic
    (2, 3),   // neck
    (4, 5),   // left thigh
    (5, 6),   // left shank
    (6, 7),   // left foot
    (8, 9),   // right thigh
    (9, 10),  // right shank
    (10, 11), // right foot
    (12, 13), // left upper arm
    (13, 14), // left forearm
    (15, 16), // right upper arm
    (16, 17), // right forearm
    (12, 15), // shoulders
    (18, 19), // the face: head centre to nose
];

impl Body {
    /// `position` posed by forward kinematics, then turned and set down as its posture is.
    fn pose(position: &KeyPosition) -> Body {
        let mut joints = [[0.0; 3]; 20];
        let spine = |frame: &Mat3, segment: &Segment| {
            mul(
                frame,
                &mul(
                    &rz(-f32::from(segment.flexion)),
                    &mul(&rx(-f32::from(segment.side_bend)), &ry(f32::from(segment.rotation))),
                ),
            )
        };
        let lumbar = spine(&IDENTITY, &position.lumbar);
        joints[1] = apply(&lumbar, [0.0, LUMBAR, 0.0]);
        let thoracic = spine(&lumbar, &position.thoracic);
        joints[2] = add(joints[1], apply(&thoracic, [0.0, THORACIC, 0.0]));
        let neck = spine(&thoracic, &position.neck);
        joints[3] = add(joints[2], apply(&neck, [0.0, NECK, 0.0]));
        joints[HEAD_CENTRE] = add(joints[3], apply(&neck, [0.0, HEAD, 0.0]));
        joints[NOSE] = add(joints[HEAD_CENTRE], apply(&neck, [HEAD * 0.8, 0.0, 0.0]));
        // Legs: left is +Z. Abduction of the left leg turns it toward +Z.
        for (side, limb, base) in [(1.0, &position.left, 4), (-1.0, &position.right, 8)] {
            let hip = [0.0, 0.0, side * PELVIS];
            let thigh = mul(
                &mul(&rz(f32::from(limb.hip_flexion)), &rx(-side * f32::from(limb.hip_abduction))),
                &ry(-side * f32::from(limb.hip_rotation)),
            );
            let knee = add(hip, apply(&thigh, [0.0, -THIGH, 0.0]));
            let shank = mul(&thigh, &rz(-f32::from(limb.knee_flexion)));
            let ankle = add(knee, apply(&shank, [0.0, -SHANK, 0.0]));
            let foot = mul(&shank, &rz(f32::from(limb.ankle)));
            let toe = add(ankle, apply(&foot, [FOOT, 0.0, 0.0]));
            joints[base..base + 4].copy_from_slice(&[hip, knee, ankle, toe]);
        }
        // Arms hang from the top of the thoracic segment, across the shoulders.
        for (side, limb, base) in [(1.0, &position.left, 12), (-1.0, &position.right, 15)] {
            // The shoulder blade carries the shoulder back (retraction) and up (elevation).
            let (back, up) =
                (f32::from(limb.scapula_retraction).to_radians(), f32::from(limb.scapula_elevation).to_radians());
            let offset = [
                -SHOULDER * libm::sinf(back),
                -2.0 + SHOULDER * libm::sinf(up),
                side * SHOULDER * libm::cosf(back) * libm::cosf(up),
            ];
            let shoulder = add(joints[2], apply(&thoracic, offset));
            let upper = mul(
                &thoracic,
                &mul(
                    &mul(&rz(f32::from(limb.shoulder_flexion)), &rx(-side * f32::from(limb.shoulder_abduction))),
                    &ry(-side * f32::from(limb.shoulder_rotation)),
                ),
            );
            let elbow = add(shoulder, apply(&upper, [0.0, -UPPER_ARM, 0.0]));
            let forearm = mul(&upper, &rz(f32::from(limb.elbow_flexion)));
            let wrist = add(elbow, apply(&forearm, [0.0, -FOREARM, 0.0]));
            joints[base..base + 3].copy_from_slice(&[shoulder, elbow, wrist]);
        }
        if position.load.contains(&Load::HandsPull) {
            hands_on_the_pulled_leg(&mut joints, position);
        }
        // Kneeling or lying face down, the foot lies along the floor behind the knee (its angle is
        // not given).
        let kneeling = [Posture::Kneeling, Posture::AllFours, Posture::LyingFront].contains(&position.posture);
        for (base, down) in [(4, Side::Left), (8, Side::Right)] {
            let half_kneeling = position.posture == Posture::HalfKneeling && position.side == Some(down);
            if kneeling || half_kneeling {
                let (knee, ankle) = (joints[base + 1], joints[base + 2]);
                let along = [ankle[0] - knee[0], ankle[1] - knee[1], ankle[2] - knee[2]];
                joints[base + 3] =
                    add(ankle, [along[0] * FOOT / SHANK, along[1] * FOOT / SHANK, along[2] * FOOT / SHANK]);
            }
        }
        let mut body = Body { joints };
        body.place(position);
        body
    }

    /// The direction of segment `segment` (its far joint less its near one).
    fn direction(&self, segment: usize) -> Vec3 {
        let (from, to) = BONES[segment];
        let (a, b) = (self.joints[from], self.joints[to]);
        [b[0] - a[0], b[1] - a[1], b[2] - a[2]]
    }

    fn turn(&mut self, rotation: &Mat3, about: Vec3) {
        for joint in &mut self.joints {
            let relative = [joint[0] - about[0], joint[1] - about[1], joint[2] - about[2]];
            *joint = add(about, apply(rotation, relative));
        }
    }

    /// Turns the body as its posture holds it: upright; lying on the back, the front or a side;
    /// on hands and knees with both on the floor; standing on a leg whose shin is upright.
    fn place(&mut self, position: &KeyPosition) {
        let origin = [0.0; 3];
        // The leg that bears the weight: the side named, else the one bent least at the hip.
        let stance = match position.side {
            Some(Side::Left) => 4,
            Some(Side::Right) => 8,
            None if position.left.hip_flexion <= position.right.hip_flexion => 4,
            None => 8,
        };
        let pitch_to = |body: &Body, from: usize, to: usize, degrees: f32| {
            // The pitch that turns the vector from joint `from` to `to` to `degrees` in X-Y.
            let v = [body.joints[to][0] - body.joints[from][0], body.joints[to][1] - body.joints[from][1]];
            degrees - libm::atan2f(v[1], v[0]).to_degrees()
        };
        match position.posture {
            Posture::Standing | Posture::OneLeg => {
                // Balanced: the body's centre of mass over the feet (over the standing foot on
                // one leg), as a person stands whatever the angles.
                let feet: Vec<usize> = match position.posture {
                    Posture::OneLeg => vec![stance + 2],
                    _ => vec![6, 10],
                };
                let support = feet.iter().map(|&foot| self.joints[foot]).fold([0.0; 3], add);
                let support = [support[0] / feet.len() as f32, support[1] / feet.len() as f32, 0.0];
                let mass = self.centre_of_mass();
                let now = libm::atan2f(mass[1] - support[1], mass[0] - support[0]).to_degrees();
                self.turn(&rz(90.0 - now), support);
            }
            Posture::Kneeling | Posture::AllFours => {
                // The shins along the floor behind the knees; on hands and knees, or with the
                // hands on the floor, the upper body turned at the hips until the hands are as
                // low as the knees.
                let pitch = pitch_to(self, stance + 1, stance + 2, 180.0);
                self.turn(&rz(pitch), origin);
                let hands_down =
                    position.posture == Posture::AllFours || position.support.contains(&Support::FloorHands);
                if !hands_down {
                    self.set_down(position);
                    return;
                }
                let knee = self.joints[stance + 1][1];
                let hip = self.joints[0];
                let wrist = self.joints[14];
                let reach = ((wrist[0] - hip[0]).powi(2) + (wrist[1] - hip[1]).powi(2)).sqrt().max(1.0);
                let now = libm::atan2f(wrist[1] - hip[1], wrist[0] - hip[0]).to_degrees();
                let drop = libm::asinf(((knee - hip[1]) / reach).clamp(-1.0, 1.0)).to_degrees();
                // The hands go down in front of the hips, at the knees' height.
                let upper = rz(libm::remainderf(drop - now, 360.0));
                for joint in [1, 2, 3, 12, 13, 14, 15, 16, 17, HEAD_CENTRE, NOSE] {
                    let relative =
                        [self.joints[joint][0] - hip[0], self.joints[joint][1] - hip[1], self.joints[joint][2]];
                    let turned = apply(&upper, relative);
                    self.joints[joint] = [turned[0] + hip[0], turned[1] + hip[1], turned[2]];
                }
            }
            Posture::HalfKneeling | Posture::Sitting => {}
            // Head toward -X, the front up; where feet set on the floor (knees bent) would go
            // through it, the body turned at the shoulders until they rest on it (a bridge lifts
            // the hips, not the shoulders).
            Posture::LyingBack => {
                // The upper back flat on the floor, whatever the lower back does.
                let pitch = pitch_to(self, 1, 2, 180.0);
                self.turn(&rz(pitch), origin);
                let feet_down = |limb: &crate::dataset::Limb| limb.knee_flexion >= 45 && limb.hip_flexion <= 100;
                let foot = match (feet_down(&position.left), feet_down(&position.right)) {
                    (true, _) => Some(6),
                    (false, true) => Some(10),
                    _ => None,
                };
                let through_floor = |body: &Body, ankle: usize| body.joints[ankle][1] < body.joints[2][1] - 6.0;
                if let Some(ankle) = foot.filter(|&ankle| through_floor(self, ankle)) {
                    let shoulders = self.joints[2];
                    let reach = self.joints[ankle];
                    let now = libm::atan2f(reach[1] - shoulders[1], reach[0] - shoulders[0]).to_degrees();
                    let length =
                        ((reach[0] - shoulders[0]).powi(2) + (reach[1] - shoulders[1]).powi(2)).sqrt().max(1.0);
                    // Level with the shoulders' back (the trunk's half-depth below them).
                    let wanted = libm::asinf((-6.0 / length).clamp(-1.0, 1.0)).to_degrees();
                    self.turn(&rz(wanted - now), shoulders);
                }
            }
            // Head toward +X, the front down.
            Posture::LyingFront => self.turn(&rz(-90.0), origin),
            // The trunk along -Z (head on the drawing's left), the upper side up.
            Posture::LyingSide => {
                let under_right = position.side != Some(Side::Left);
                self.turn(&rx(if under_right { -90.0 } else { 90.0 }), origin);
            }
        }
        self.set_down(position);
    }

    /// Set down: on the seat when sitting, else the lowest point (the head's edge too) on the
    /// floor.
    fn set_down(&mut self, position: &KeyPosition) {
        let lift = match position.posture {
            Posture::Sitting => SEAT,
            _ => -self.lowest(),
        };
        for joint in &mut self.joints {
            joint[1] += lift;
        }
    }

    /// The centre of mass, near enough: the segments' midpoints weighted by their lengths, the
    /// trunk and head counted heavier as they are.
    fn centre_of_mass(&self) -> Vec3 {
        let mut total = [0.0; 3];
        let mut weight = 0.0;
        for (segment, &(from, to)) in BONES.iter().enumerate() {
            let heavy = if segment <= NECK_SEGMENT {
                4.0
            } else if segment == FACE_SEGMENT {
                0.0
            } else {
                1.0
            };
            let (a, b) = (self.joints[from], self.joints[to]);
            let length = angle_free_length([b[0] - a[0], b[1] - a[1], b[2] - a[2]]) * heavy;
            total =
                add(total, [(a[0] + b[0]) / 2.0 * length, (a[1] + b[1]) / 2.0 * length, (a[2] + b[2]) / 2.0 * length]);
            weight += length;
        }
        let head = self.joints[HEAD_CENTRE];
        let head_weight = 60.0;
        total = add(total, [head[0] * head_weight, head[1] * head_weight, head[2] * head_weight]);
        weight += head_weight;
        [total[0] / weight, total[1] / weight, total[2] / weight]
    }

    /// The lowest point of the body: a joint, or the bottom of the head.
    fn lowest(&self) -> f32 {
        let joints = self.joints.iter().map(|joint| joint[1]).fold(f32::MAX, f32::min);
        joints.min(self.joints[HEAD_CENTRE][1] - HEAD)
    }

    /// Projects onto the drawing: (x, y) seen from `view`.
    fn project(&self, point: Vec3, view: View) -> Point {
        match view {
            View::Side => Point { x: point[0], y: point[1] },
            View::Front => Point { x: point[2], y: point[1] },
            View::Above => Point { x: point[0], y: point[2] },
        }
    }

    fn draw(&self, position: &KeyPosition, view: View, moving: &[bool]) -> Figure {
        let p = |joint: usize| self.project(self.joints[joint], view);
        let mut lines = Vec::new();
        for (segment, &(from, to)) in BONES.iter().enumerate() {
            let kind = if moving[segment] { Stroke::Moving } else { Stroke::Body };
            lines.push(Line { from: p(from), to: p(to), kind });
        }
        // The pelvis across, so a front view has hips.
        lines.push(Line { from: p(4), to: p(8), kind: Stroke::Body });
        let head = (p(HEAD_CENTRE), HEAD);
        let head_moves = moving[NECK_SEGMENT] || moving[FACE_SEGMENT];
        let mut figure = Figure { lines, head, head_moves, name: position.name };
        props(&mut figure, self, position, view);
        figure
    }
}

/// The floor, and what the position names to hold or rest on.
fn props(figure: &mut Figure, body: &Body, position: &KeyPosition, view: View) {
    // Seen from above, the floor is the whole picture: nothing to draw.
    if view == View::Above {
        return;
    }
    let (min_x, _, max_x, _) = figure.bounds();
    let mut add = |from: (f32, f32), to: (f32, f32)| {
        figure.lines.push(Line {
            from: Point { x: from.0, y: from.1 },
            to: Point { x: to.0, y: to.1 },
            kind: Stroke::Prop,
        });
    };
    let floor = body.lowest().min(0.0) - 1.0;
    add((min_x - 8.0, floor), (max_x + 8.0, floor));
    let at = |joint: usize| body.project(body.joints[joint], view);
    let hands = [at(14), at(17)];
    let front_hand = if hands[0].x >= hands[1].x { hands[0] } else { hands[1] };
    if position.posture == Posture::Sitting {
        let hip = at(0);
        let (back, front) = match view {
            View::Side => (hip.x - 14.0, hip.x + 18.0),
            View::Front | View::Above => (hip.x - 22.0, hip.x + 22.0),
        };
        let seat = SEAT - 6.0;
        add((back, seat), (front, seat));
        add((back + 2.0, seat), (back + 2.0, floor));
        add((front - 2.0, seat), (front - 2.0, floor));
        if position.support.contains(&Support::ChairBack) && view == View::Side {
            add((back, seat), (back - 4.0, seat + 45.0));
        }
        if position.support.contains(&Support::ChairArms) {
            add((back, seat + 20.0), (front - 4.0, seat + 20.0));
        }
    }
    // A desk and a wall named together are either-or ("hold a desk or a wall"): the first is drawn.
    let mut holding = false;
    for support in position.support {
        let either = matches!(support, Support::Desk | Support::Wall);
        if either && holding {
            continue;
        }
        holding |= either;
        match support {
            Support::Desk => {
                // In front of the person, at a desk's height or the hands' if they rest higher.
                let top = (floor + 74.0).max(front_hand.y);
                let near = if position.posture == Posture::Sitting { front_hand.x - 6.0 } else { max_x - 4.0 };
                add((near, top), (near + 40.0, top));
                add((near + 36.0, top), (near + 36.0, floor));
            }
            Support::DoorFrame if view == View::Front => {
                // The frame's two sides, each just outside a hand (the forearms rest on them).
                let (left, right) = (hands[0].x.min(hands[1].x), hands[0].x.max(hands[1].x));
                add((left - 2.0, floor), (left - 2.0, floor + 200.0));
                add((right + 2.0, floor), (right + 2.0, floor + 200.0));
            }
            Support::Wall | Support::DoorFrame => {
                // In front of the hands when they reach forward, else behind the back.
                let shoulder_x = at(12).x.max(at(15).x);
                let x = if front_hand.x > shoulder_x + 5.0 { front_hand.x + 1.5 } else { min_x - 2.0 };
                add((x, floor), (x, floor + 200.0));
                if *support == Support::DoorFrame {
                    add((x + 4.0, floor), (x + 4.0, floor + 200.0));
                }
            }
            Support::Step => {
                let foot =
                    [at(7), at(11)]
                        .into_iter()
                        .fold(Point { x: f32::MIN, y: 0.0 }, |a, b| if b.x > a.x { b } else { a });
                add((foot.x - 22.0, floor + 18.0), (foot.x + 6.0, floor + 18.0));
                add((foot.x + 6.0, floor + 18.0), (foot.x + 6.0, floor));
                add((foot.x - 22.0, floor + 18.0), (foot.x - 22.0, floor));
            }
            Support::Pillow => {
                let head = figure.head.0;
                add((head.x - 12.0, floor + 6.0), (head.x + 12.0, floor + 6.0));
            }
            Support::ChairBack | Support::ChairArms | Support::FloorHands | Support::HeadHands => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The distance from `point` to the segment `a`–`b`.
    fn to_segment(point: Vec3, a: Vec3, b: Vec3) -> f32 {
        let ab = [b[0] - a[0], b[1] - a[1], b[2] - a[2]];
        let ap = [point[0] - a[0], point[1] - a[1], point[2] - a[2]];
        let length = (ab[0] * ab[0] + ab[1] * ab[1] + ab[2] * ab[2]).max(1e-6);
        let t = ((ap[0] * ab[0] + ap[1] * ab[1] + ap[2] * ab[2]) / length).clamp(0.0, 1.0);
        angle_free_length([0, 1, 2].map(|axis| a[axis] + ab[axis] * t - point[axis]))
    }

    /// Where a drill says the hands pull a leg, a hand is drawn on that leg (a knee hug, a
    /// figure-4, a standing thigh stretch), not wherever the arm angles alone would put it.
    #[test]
    fn hands_that_pull_a_leg_are_drawn_holding_it() {
        let mut checked = 0;
        for drill in crate::dataset::dataset().drills {
            for position in drill.positions.iter().filter(|position| position.load.contains(&Load::HandsPull)) {
                let body = Body::pose(position);
                let leg_near = |wrist: Vec3| {
                    [(5, 6), (9, 10), (4, 5), (8, 9)]
                        .iter()
                        .map(|&(a, b)| to_segment(wrist, body.joints[a], body.joints[b]))
                        .fold(f32::MAX, f32::min)
                };
                let nearest = leg_near(body.joints[14]).min(leg_near(body.joints[17]));
                // A hand that reaches is on the leg (beside it by 4 cm); one that cannot is
                // within a hand's length of it.
                assert!(
                    nearest < 12.0,
                    "{} {}: the nearest hand is {nearest:.0} cm from a leg",
                    drill.id,
                    position.name
                );
                checked += 1;
            }
        }
        assert!(checked >= 5, "the drills that pull a leg: {checked}");
    }

    /// A shoulder-blade squeeze draws the shoulders and the arms back, marked as moving: the
    /// shoulder blades carry the arm without turning it, so no joint angle of the arm changes.
    #[test]
    fn a_shoulder_blade_squeeze_draws_the_arms_back_and_marks_them() {
        let drill = crate::dataset::drill("shoulder-blade-squeeze").unwrap();
        let (start, hold) = (Body::pose(&drill.positions[0]), Body::pose(&drill.positions[1]));
        for shoulder in [12, 15] {
            let back = start.joints[shoulder][0] - hold.joints[shoulder][0];
            assert!(back >= 5.0, "the shoulder {shoulder} goes back {back:.1} cm");
        }
        let drawn = figures(drill.positions, view_for(drill.positions));
        let moving = drawn[1].lines.iter().filter(|line| line.kind == Stroke::Moving).count();
        assert!(moving >= 4, "both arms (upper arm and forearm) and the shoulders are marked: {moving}");
    }
}
