module github.com/piiguard/piiguard

go 1.26
