// The example passed because specs ran and passed, not because none ran: a kind that matches no
// spec of the suite skips them all, and an empty run passes too.
def summary = new File(basedir, 'target/failsafe-reports/failsafe-summary.xml').text
int completed = (summary =~ /<completed>(\d+)<\/completed>/)[0][1] as int
int skipped = (summary =~ /<skipped>(\d+)<\/skipped>/)[0][1] as int
assert completed > 0 : "the example's suite ran no spec"
assert skipped == 0 : "the example's suite skipped ${skipped} of its ${completed} specs"
true
