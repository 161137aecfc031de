package io.oriole.simulation.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class KaplanMeierTests {

    // Waits 2 (hung up), 3 (answered), 4 (hung up), 4 (answered), 6 (hung up), 8 (answered). By hand:
    // t=2: 6 at risk, 1 hangs up: S = 5/6. t=3: one answered, leaves the risk set. t=4: 4 at risk
    // (the answered 4 still counts), 1 hangs up: S = 5/6 * 3/4 = 0.625. t=6: 2 at risk, 1 hangs up:
    // S = 0.3125. t=8: answered, the curve stops at 0.3125.
    private final KaplanMeier km = KaplanMeier.fit(new double[] {4, 2, 8, 3, 6, 4},
            new boolean[] {true, true, false, false, true, false});

    @Test
    void survivalMatchesTheHandComputedCurve() {
        assertThat(km.survival(0)).isEqualTo(1.0);
        assertThat(km.survival(2)).isCloseTo(5.0 / 6, within(1e-12));
        assertThat(km.survival(3.5)).isCloseTo(5.0 / 6, within(1e-12));
        assertThat(km.survival(4)).isCloseTo(0.625, within(1e-12));
        assertThat(km.survival(7)).isCloseTo(0.3125, within(1e-12));
        assertThat(km.survival(100)).isCloseTo(0.3125, within(1e-12));
        assertThat(km.events()).isEqualTo(3);
        assertThat(km.censored()).isEqualTo(3);
    }

    @Test
    void medianIsWhereTheCurveFirstReachesOneHalf() {
        assertThat(km.median()).isEqualTo(6.0);
    }

    @Test
    void censoringMakesCustomersLookMorePatientThanCountingHangUpsAlone() {
        // Hang-ups alone (2, 4, 6) would put the median at 4.
        assertThat(km.median()).isGreaterThan(4.0);
    }

    @Test
    void drawsRespectWhatIsKnownAboutTheCustomer() {
        // Answered after 3 s: patience above 3. S(3) = 5/6.
        assertThat(km.sample(3, 0.9)).isEqualTo(4.0);   // target 0.75: first step at or below is t=4 (0.625)
        assertThat(km.sample(3, 0.4)).isEqualTo(6.0);   // target 0.333: t=6 (0.3125)
        assertThat(km.sample(3, 0.3)).isInfinite();     // target 0.25: beyond the last hang-up
        assertThat(km.sample(5, 0.6)).isEqualTo(6.0);   // S(5) = 0.625, target 0.375: t=6
    }

    @Test
    void withoutAnyHangUpNobodyEverGivesUp() {
        KaplanMeier patient = KaplanMeier.fit(new double[] {1, 5}, new boolean[] {false, false});
        assertThat(patient.median()).isInfinite();
        assertThat(patient.sample(0, 0.01)).isInfinite();
    }
}
