package dev.pauta.guidance;

import dev.pauta.rules.Situation;

/** Where guidance hands every decision it gives before the caller sees it; the decisions module implements it, so guidance does not depend on that module. */
public interface DecisionRecorder {

    /** Records the decision made for this situation on behalf of the caller, or throws, so no caller is answered with an unrecorded decision. */
    void record(Situation situation, Decision decision, String caller);
}
