#!/usr/bin/perl
# Reads and edits the simulated xCAT tables (tabdump CSV format: "#col,...", quoted values).
#   csvtool.pl get   TABLEFILE KEYCOL KEYVAL COL        prints one value
#   csvtool.pl set   TABLEFILE KEYCOL KEYVAL COL=VAL... updates or adds a row
#   csvtool.pl attrs TABLEFILE                          site: "key=value" per row
use strict;
use warnings;

sub parse {
    my ($line) = @_;
    my @f;
    while (length $line) {
        if ($line =~ s/^"((?:[^"]|"")*)"(,|$)//) { (my $v = $1) =~ s/""/"/g; push @f, $v; }
        elsif ($line =~ s/^([^,]*)(,|$)//) { push @f, $1; }
        else { last; }
    }
    return @f;
}
sub fmt { join ',', map { defined $_ && length $_ ? do { (my $v = $_) =~ s/"/""/g; "\"$v\"" } : '' } @_ }

my ($op, $file, @args) = @ARGV;
open(my $in, '<', $file) or die "cannot open $file: $!\n";
my @lines = <$in>;
close $in;
chomp @lines;
my $header = shift @lines // '';
(my $h = $header) =~ s/^#//;
my @cols = split /,/, $h;
my %ix = map { $cols[$_] => $_ } 0 .. $#cols;

if ($op eq 'attrs') {
    for (@lines) { my @f = parse($_); print "$f[0]=", ($f[1] // ''), "\n"; }
    exit 0;
}
my ($keycol, $keyval, @rest) = @args;
die "no column $keycol\n" unless exists $ix{$keycol};
if ($op eq 'get') {
    for (@lines) {
        my @f = parse($_);
        if (($f[$ix{$keycol}] // '') eq $keyval) { print $f[$ix{$rest[0]}] // '', "\n"; exit 0; }
    }
    exit 1;
}
if ($op eq 'set') {
    my $found = 0;
    for my $l (@lines) {
        my @f = parse($l);
        next unless ($f[$ix{$keycol}] // '') eq $keyval;
        $#f = $#cols if $#f < $#cols;
        for (@rest) { my ($c, $v) = split /=/, $_, 2; die "no column $c\n" unless exists $ix{$c}; $f[$ix{$c}] = $v; }
        $l = fmt(@f); $found = 1;
    }
    unless ($found) {
        my @f = ('') x @cols;
        $f[$ix{$keycol}] = $keyval;
        for (@rest) { my ($c, $v) = split /=/, $_, 2; die "no column $c\n" unless exists $ix{$c}; $f[$ix{$c}] = $v; }
        push @lines, fmt(@f);
    }
    open(my $out, '>', "$file.new") or die "$!\n";
    print $out join("\n", $header, @lines), "\n";
    close $out;
    rename "$file.new", $file or die "$!\n";
    exit 0;
}
die "unknown operation $op\n";
