package alerting

import (
	"fmt"
	"testing"
)

// BenchmarkWatching asks, for every database of a plan of n databases, an
// alarm on each and n Lambda functions with an alarm on each, which rules
// watch it: the question aws_alarm_coverage asks. Per database, the cost
// must not grow with the Lambda alarms (rules of another kind); compare
// ns/op across the sizes.
func BenchmarkWatching(b *testing.B) {
	for _, n := range []int{500, 2000} {
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			var rs []string
			for i := range n {
				rs = append(rs,
					fmt.Sprintf(`aws_db_instance.db%d|{"identifier":"db-%d"}`, i, i),
					fmt.Sprintf(`aws_cloudwatch_metric_alarm.db%d|{"namespace":"AWS/RDS","metric_name":"CPUUtilization","dimensions":{"DBInstanceIdentifier":"db-%d"},"alarm_actions":["arn:aws:sns:eu-west-1:1:a"]}`, i, i),
					fmt.Sprintf(`aws_lambda_function.fn%d|{"function_name":"fn-%d"}`, i, i),
					fmt.Sprintf(`aws_cloudwatch_metric_alarm.fn%d|{"namespace":"AWS/Lambda","metric_name":"Errors","dimensions":{"FunctionName":"fn-%d"},"alarm_actions":["arn:aws:sns:eu-west-1:1:a"]}`, i, i),
				)
			}
			p := planOf(&testing.T{}, rs...)
			dbs := p.OfType("aws_db_instance")
			b.ResetTimer()
			for b.Loop() {
				x := build(p)
				for _, db := range dbs {
					if w := x.Watching(db); len(w.Watching) != 1 {
						b.Fatalf("%s: %d rules watch it, want 1", db.Address, len(w.Watching))
					}
				}
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(dbs)), "ns/database")
		})
	}
}
