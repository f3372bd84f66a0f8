// Which movement rules a drill's key positions meet. Included twice, like `schema.rs`: by
// `build.rs`, which stores each drill's movements in the generated dataset so that no drill can
// be shown without the precautions its own positions imply, and by `src/dataset/mod.rs`, so
// tests can recompute them and lookups can explain them. Written for both expansions of the
// schema (owned at build time, `'static` at run time): it only reads fields and compares enums.

/// The value of `measure` in `position`, reading hip and knee angles from `limb`.
#[allow(dead_code)]
pub fn measure(position: &KeyPosition, limb: &Limb, measure: Measure) -> i16 {
    let trunk = |segment: fn(&Segment) -> i16| segment(&position.lumbar) + segment(&position.thoracic);
    match measure {
        Measure::HipFlexion => limb.hip_flexion,
        Measure::HipExtension => -limb.hip_flexion,
        Measure::HipAbduction => limb.hip_abduction,
        Measure::HipAdduction => -limb.hip_abduction,
        Measure::HipExternalRotation => limb.hip_rotation,
        Measure::HipInternalRotation => -limb.hip_rotation,
        Measure::KneeFlexion => limb.knee_flexion,
        Measure::LumbarFlexion => position.lumbar.flexion,
        Measure::TrunkFlexion => trunk(|segment| segment.flexion),
        Measure::TrunkExtension => -trunk(|segment| segment.flexion),
        Measure::TrunkRotation => trunk(|segment| segment.rotation).abs(),
        Measure::TrunkSideBend => trunk(|segment| segment.side_bend).abs(),
        Measure::NeckFlexion => position.neck.flexion,
        Measure::NeckExtension => -position.neck.flexion,
        Measure::NeckRotation => position.neck.rotation.abs(),
        Measure::NeckSideBend => position.neck.side_bend.abs(),
        Measure::LegsApart => position.left.hip_abduction + position.right.hip_abduction,
    }
}

/// Whether everything `clause` names holds in `position`, its angles on one side.
#[allow(dead_code)]
pub fn clause_holds(clause: &Clause, position: &KeyPosition) -> bool {
    let posture = clause.postures.is_empty() || clause.postures.contains(&position.posture);
    let load = clause.loads.is_empty() || clause.loads.iter().any(|load| position.load.contains(load));
    let support = !clause.unsupported || position.support.is_empty();
    let held = !clause.held || position.held;
    let angles = [&position.left, &position.right].into_iter().any(|limb| {
        clause.angles.iter().all(|bound| {
            let value = measure(position, limb, bound.measure);
            bound.over.is_none_or(|over| value > over) && bound.under.is_none_or(|under| value < under)
        })
    });
    posture && load && support && held && angles
}

/// Whether any of `rule`'s clauses holds in any of `positions`.
#[allow(dead_code)]
pub fn rule_applies(rule: &MovementRule, positions: &[KeyPosition]) -> bool {
    positions.iter().any(|position| rule.when.iter().any(|clause| clause_holds(clause, position)))
}

/// The conditions that rule out a drill with `movements`, each named once: a condition whose
/// movements are those of narrower ones (a hip replacement of unknown approach) stands for them
/// when all of them rule the drill out, and gives way to the one that does otherwise. Computed
/// by the build into each drill's `not_for`, so a routine pays nothing for it at run time.
#[allow(dead_code)]
pub fn not_for<'a>(conditions: &'a [Condition], movements: &[Str]) -> Vec<&'a Condition> {
    let rules_out = |condition: &Condition| {
        !condition.avoid_all && condition.avoid.iter().any(|movement| movements.contains(movement))
    };
    let listed: Vec<&Condition> = conditions.iter().filter(|condition| rules_out(condition)).collect();
    let narrower = |wide: &Condition, narrow: &Condition| {
        narrow.id != wide.id
            && !narrow.avoid.is_empty()
            && narrow.avoid.len() < wide.avoid.len()
            && narrow.avoid.iter().all(|movement| wide.avoid.contains(movement))
    };
    let stands = |wide: &Condition| {
        conditions
            .iter()
            .filter(|narrow| narrower(wide, narrow))
            .all(|narrow| listed.iter().any(|given| given.id == narrow.id))
    };
    listed
        .iter()
        .copied()
        .filter(|condition| stands(condition))
        .filter(|condition| !listed.iter().any(|wide| narrower(wide, condition) && stands(wide)))
        .collect()
}
